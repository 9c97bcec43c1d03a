-- Xero's JSON for the contact as Kontor last applied it to the linked Kontor contact. A later read is
-- compared with it field by field, so only what changed in Xero replaces Kontor's value: an edit made
-- in Kontor to another field is not undone by an unrelated change in Xero.
alter table xero_contacts add column applied_json text;
