-- Xero contacts and links are looked up by Xero's ContactID, alone (a list of ids: a page being
-- stored, a batch being matched) or with the organisation. With the ContactID first, the key serves
-- both, and the single-column indexes added for the lists go: every new Xero contact and link then
-- updates two indexes on random keys fewer (an import of 100,000 contacts writes 200,000 entries on
-- random index pages fewer, which H2 rewrites whole at each commit).
alter table xero_contacts drop constraint xero_contacts_pk;
alter table xero_contacts add constraint xero_contacts_pk primary key (xero_contact_id, tenant_id);
drop index xero_contacts_id_ix;
alter table xero_links drop constraint xero_links_xero_contact_uk;
alter table xero_links add constraint xero_links_xero_contact_uk unique (xero_contact_id, tenant_id);
drop index xero_links_xero_contact_ix;
