-- The matching takes pending contacts in (updated_at, xero_contact_id) order, 200 at a time. With the id
-- in the index and the query ordering by every index column, H2 reads them in index order instead of
-- sorting all pending contacts, JSON included, for every batch (27 ms → 0.14 ms at 50,000 pending).
drop index xero_contacts_pending_ix;
create index xero_contacts_pending_ix on xero_contacts (tenant_id, pending, updated_at, xero_contact_id);
