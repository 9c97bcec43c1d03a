-- A user who signs in with a one-time password must choose their own before anything else.
alter table users add column must_change_password boolean default false not null;
-- Raised whenever the password changes (or is reset): sessions signed in with an older value end.
alter table users add column credentials_version integer default 0 not null;

-- The one-time code printed at the first production start; only its SHA-256 is kept. At most one row.
create table setup_codes (
    id smallint primary key,
    code_hash varchar(64) not null,
    failed_attempts integer not null,
    created_at timestamp with time zone not null,
    constraint setup_codes_single_ck check (id = 1)
);

-- Failed sign-ins of the last minutes, by account (canonical email) and by client address. Kept in the
-- database so that every Kontor server counts the same attempts.
create table sign_in_failures (
    id uuid primary key,
    subject varchar(300) not null,
    failed_at timestamp with time zone not null
);

create index sign_in_failures_subject_ix on sign_in_failures (subject, failed_at);
create index sign_in_failures_failed_at_ix on sign_in_failures (failed_at);

-- Personal API tokens: 256 random bits shown once; only their SHA-256 (hex) is stored.
create table api_tokens (
    id uuid primary key,
    user_id uuid not null references users (id),
    practice_id uuid not null references practices (id),
    name varchar(100) not null,
    token_hash varchar(64) not null,
    created_at timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    constraint api_tokens_hash_uk unique (token_hash)
);

create index api_tokens_user_ix on api_tokens (user_id);
