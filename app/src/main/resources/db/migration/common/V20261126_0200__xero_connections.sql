-- A practice's connection to one Xero organisation. Tokens are AES-GCM ciphertexts (never plain text).
create table xero_connections (
    practice_id uuid primary key references practices (id),
    tenant_id uuid not null,
    -- Equals tenant_id while connected, null otherwise: one organisation serves one practice at a time.
    active_tenant_id uuid,
    organisation_name varchar(255) not null,
    short_code varchar(50) not null,
    xero_connection_id uuid,
    status varchar(30) not null,
    connected_by varchar(200) not null,
    connected_at timestamp with time zone not null,
    access_token varchar(8000),
    refresh_token varchar(4000),
    access_expires_at timestamp with time zone,
    import_filter varchar(30) not null,
    last_sync_at timestamp with time zone,
    next_sync_at timestamp with time zone,
    updated_at timestamp with time zone not null,
    constraint xero_connections_active_tenant_uk unique (active_tenant_id)
);

-- Tokens of a finished consent until the admin has chosen the organisation (minutes at most).
create table xero_consents (
    id uuid primary key,
    practice_id uuid not null references practices (id),
    user_id uuid not null references users (id),
    access_token varchar(8000) not null,
    refresh_token varchar(4000),
    access_expires_at timestamp with time zone not null,
    authentication_event_id uuid not null,
    created_at timestamp with time zone not null
);

create index xero_consents_user_ix on xero_consents (user_id, created_at);
