create table practices (
    id uuid primary key,
    name varchar(200) not null,
    default_phone_region varchar(2) not null,
    created_at timestamp with time zone not null
);

-- Emails are stored lower-cased, so a plain unique index makes sign-in names unique.
create table users (
    id uuid primary key,
    practice_id uuid not null references practices (id),
    email varchar(255) not null,
    display_name varchar(200) not null,
    password_hash varchar(200) not null,
    role varchar(20) not null,
    active boolean not null,
    created_at timestamp with time zone not null,
    constraint users_email_uk unique (email)
);

create index users_practice_ix on users (practice_id);
