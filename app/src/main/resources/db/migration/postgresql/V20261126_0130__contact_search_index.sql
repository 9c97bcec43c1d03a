-- Substring search ("%term%") over search_text stays fast with a trigram index.
create extension if not exists pg_trgm;
create index contacts_search_text_trgm_ix on contacts using gin (search_text gin_trgm_ops);
