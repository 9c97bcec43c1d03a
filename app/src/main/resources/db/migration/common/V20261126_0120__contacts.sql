-- A contact and its details. Lengths follow Xero's limits (XERO-CONTRACT §1.10-1.12).
create table contacts (
    id uuid primary key,
    practice_id uuid not null references practices (id),
    kind varchar(20) not null,
    name varchar(255) not null,
    first_name varchar(255),
    last_name varchar(255),
    notes varchar(10000) not null,
    archived boolean not null,
    -- Lower-cased name, emails and phone digits: the one column contact search reads.
    search_text varchar(8000) not null,
    -- Lower-cased name, so sorting by name ignores case on both databases.
    sort_name varchar(255) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version bigint not null
);

create index contacts_practice_sort_name_ix on contacts (practice_id, archived, sort_name);
create index contacts_practice_updated_ix on contacts (practice_id, archived, updated_at);

create table contact_emails (
    contact_id uuid not null references contacts (id) on delete cascade,
    position int not null,
    label varchar(50) not null,
    address varchar(255) not null,
    billing boolean not null,
    constraint contact_emails_pk primary key (contact_id, position)
);

-- Numbers are stored in E.164 form.
create table contact_phones (
    contact_id uuid not null references contacts (id) on delete cascade,
    position int not null,
    label varchar(50) not null,
    number varchar(50) not null,
    is_primary boolean not null,
    constraint contact_phones_pk primary key (contact_id, position)
);

create table contact_addresses (
    contact_id uuid not null references contacts (id) on delete cascade,
    position int not null,
    label varchar(50) not null,
    line1 varchar(500) not null,
    line2 varchar(500) not null,
    line3 varchar(500) not null,
    line4 varchar(500) not null,
    city varchar(255) not null,
    region varchar(255) not null,
    postal_code varchar(50) not null,
    country varchar(50) not null,
    attention_to varchar(255) not null,
    billing boolean not null,
    constraint contact_addresses_pk primary key (contact_id, position)
);
