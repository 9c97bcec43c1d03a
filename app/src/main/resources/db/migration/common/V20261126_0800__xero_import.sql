-- What Kontor last read of each contact of a connected Xero organisation: the import reads every
-- page into this table first, then matches from it, so a contact on a later page can still count
-- as a duplicate of one on an earlier page, and a restart resumes where it stopped.
create table xero_contacts (
    tenant_id uuid not null,
    xero_contact_id uuid not null,
    practice_id uuid not null references practices (id),
    name varchar(500) not null,
    -- ContactNames.normalise(name), and the email trimmed and lower-cased (null when empty).
    match_name varchar(500) not null,
    match_email varchar(255),
    status varchar(30) not null,
    merged_to uuid,
    customer boolean not null,
    supplier boolean not null,
    updated_at timestamp with time zone,
    -- Xero's own JSON for this contact, for the audit trail; erased on a GDPR request.
    raw_json text,
    -- Read but not yet applied to Kontor's contacts and links.
    pending boolean not null,
    read_at timestamp with time zone not null,
    constraint xero_contacts_pk primary key (tenant_id, xero_contact_id)
);

create index xero_contacts_pending_ix on xero_contacts (tenant_id, pending, updated_at);
create index xero_contacts_match_name_ix on xero_contacts (tenant_id, match_name);
create index xero_contacts_match_email_ix on xero_contacts (tenant_id, match_email);

-- One import of a practice's Xero contacts: its checkpoint (the (second, page) cursor of DESIGN §5)
-- and its counts, updated in the same transaction as each page's contacts.
create table xero_imports (
    id uuid primary key,
    practice_id uuid not null references practices (id),
    tenant_id uuid not null,
    state varchar(20) not null,
    cursor_second timestamp with time zone,
    cursor_page int not null,
    page_stepping boolean not null,
    total_count int,
    pages int not null,
    bytes bigint not null,
    read_count int not null,
    to_apply_count int not null,
    applied_count int not null,
    created_count int not null,
    linked_count int not null,
    review_count int not null,
    skipped_count int not null,
    failed_count int not null,
    message varchar(1000),
    waiting_until timestamp with time zone,
    started_by varchar(200) not null,
    started_at timestamp with time zone not null,
    finished_at timestamp with time zone,
    updated_at timestamp with time zone not null
);

create index xero_imports_practice_ix on xero_imports (practice_id, started_at);

-- A Xero contact that matched Kontor contacts only in part, or several of them: an admin decides.
create table xero_match_reviews (
    id uuid primary key,
    practice_id uuid not null references practices (id),
    tenant_id uuid not null,
    xero_contact_id uuid not null,
    reason varchar(500) not null,
    created_at timestamp with time zone not null,
    constraint xero_match_reviews_uk unique (tenant_id, xero_contact_id)
);

create index xero_match_reviews_practice_ix on xero_match_reviews (practice_id, created_at);

create table xero_match_candidates (
    review_id uuid not null references xero_match_reviews (id) on delete cascade,
    contact_id uuid not null references contacts (id) on delete cascade,
    same_name boolean not null,
    same_email boolean not null,
    constraint xero_match_candidates_pk primary key (review_id, contact_id)
);

-- "Needs attention": a Xero value Kontor could not take as it is, kept raw with the reason.
create table xero_sync_problems (
    id uuid primary key,
    practice_id uuid not null references practices (id),
    tenant_id uuid not null,
    xero_contact_id uuid,
    contact_id uuid references contacts (id) on delete cascade,
    xero_name varchar(500) not null,
    field varchar(100) not null,
    raw_value varchar(2000),
    reason varchar(1000) not null,
    noticed_at timestamp with time zone not null
);

create index xero_sync_problems_practice_ix on xero_sync_problems (practice_id, noticed_at);
create index xero_sync_problems_contact_ix on xero_sync_problems (tenant_id, xero_contact_id);
