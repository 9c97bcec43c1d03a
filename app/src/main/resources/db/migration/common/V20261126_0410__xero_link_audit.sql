-- Audit of each Xero Client action: what was sent to Xero and what Xero answered.
alter table xero_link_history add column sent varchar(4000);
alter table xero_link_history add column answer varchar(2000);

-- A Create Contact that Xero's rate limit held back is retried by a job at this time, same key.
alter table xero_create_requests add column retry_at timestamp with time zone;
