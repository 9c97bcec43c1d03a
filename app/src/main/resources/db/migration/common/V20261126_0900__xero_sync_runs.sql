-- Every read of Xero's contacts is a run in xero_imports: the import on connect, the incremental sync
-- every few minutes, the weekly reconciliation, and each batch of webhook changes. Kind tells them apart;
-- missing_count is what a reconciliation found in Kontor's copy that Xero no longer listed.
alter table xero_imports add column kind varchar(20) default 'IMPORT' not null;
alter table xero_imports add column missing_count int default 0 not null;
create index xero_imports_kind_ix on xero_imports (practice_id, kind, started_at);
