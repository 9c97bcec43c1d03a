-- Reading many Xero contacts by id (a page being stored, webhook changes) goes through this index:
-- with only the (tenant_id, xero_contact_id) key, H2 takes "tenant_id = ? and xero_contact_id in (...)"
-- by the tenant alone and compares every contact of the organisation with the list, which grows with
-- the square of the organisation's size. The queries name only the ids and check the tenant in Java.
create index xero_contacts_id_ix on xero_contacts (xero_contact_id);
