-- What Xero last said about an organisation's remaining calls, shared by every Kontor server.
create table xero_rate_budgets (
    tenant_id uuid primary key,
    minute_remaining int,
    day_remaining int,
    observed_at timestamp with time zone not null,
    -- Set by a day-limit 429: no call to this organisation before then.
    paused_until timestamp with time zone
);

alter table xero_connections add column paused boolean default false not null;
alter table xero_connections add column refreshed_at timestamp with time zone;
