-- A Kontor contact's link to a Xero contact. One link per Kontor contact, and one per Xero contact
-- of an organisation: the unique keys make a duplicate impossible (DESIGN §1 rule 7).
create table xero_links (
    contact_id uuid primary key references contacts (id),
    practice_id uuid not null references practices (id),
    tenant_id uuid not null,
    xero_contact_id uuid not null,
    origin varchar(20) not null,
    xero_name varchar(255) not null,
    xero_status varchar(30) not null,
    linked_by varchar(200) not null,
    linked_at timestamp with time zone not null,
    last_synced_at timestamp with time zone not null,
    constraint xero_links_xero_contact_uk unique (tenant_id, xero_contact_id)
);

-- A Create Contact under way. Inserted in the transaction that marks the contact as linking, so two
-- clicks, tabs or servers cannot both start one; its Idempotency-Key is reused on any retry.
create table xero_create_requests (
    contact_id uuid primary key references contacts (id),
    practice_id uuid not null references practices (id),
    tenant_id uuid not null,
    idempotency_key varchar(64) not null,
    requested_by varchar(200) not null,
    created_at timestamp with time zone not null
);

create table xero_link_history (
    id uuid primary key,
    contact_id uuid not null references contacts (id),
    practice_id uuid not null references practices (id),
    happened_at timestamp with time zone not null,
    event varchar(40) not null,
    detail varchar(1000) not null,
    actor varchar(200) not null
);

create index xero_link_history_contact_ix on xero_link_history (contact_id, happened_at);
