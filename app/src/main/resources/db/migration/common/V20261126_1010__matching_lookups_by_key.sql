-- Matching reads what it needs for a whole batch of Xero contacts at once: their links, and their
-- rivals by normalised name and by billing email, each with an "in (...)" list. H2 uses an index for
-- such a list only on the index's first column (it would otherwise read every row of the organisation
-- for each batch), so these lookups get single-column indexes and check the tenant on the rows found.
create index xero_links_xero_contact_ix on xero_links (xero_contact_id);
drop index xero_contacts_match_name_ix;
drop index xero_contacts_match_email_ix;
create index xero_contacts_match_name_ix on xero_contacts (match_name);
create index xero_contacts_match_email_ix on xero_contacts (match_email);
