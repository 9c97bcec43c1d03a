-- Every event of every correctly signed Xero webhook batch, kept once: dedupe_key is a SHA-256 of
-- (tenant, resource, event time, category, type), so duplicated or reordered deliveries add nothing.
-- status: RECEIVED (waiting for processing), PROCESSED, IGNORED (reason says why), FAILED.
create table xero_webhook_events (
    id uuid primary key,
    dedupe_key varchar(64) not null,
    tenant_id uuid,
    -- The practice connected to the tenant when the event arrived; null for an unknown tenant.
    practice_id uuid,
    resource_id varchar(100),
    resource_url varchar(1000),
    event_category varchar(40),
    event_type varchar(40),
    event_date_utc varchar(40),
    status varchar(20) not null,
    reason varchar(500),
    attempts int default 0 not null,
    received_at timestamp with time zone not null,
    processed_at timestamp with time zone,
    constraint xero_webhook_events_dedupe_uk unique (dedupe_key)
);

create index xero_webhook_events_tenant_status_ix on xero_webhook_events (tenant_id, status, received_at);
create index xero_webhook_events_practice_ix on xero_webhook_events (practice_id, received_at);
create index xero_webhook_events_status_ix on xero_webhook_events (status, received_at);
