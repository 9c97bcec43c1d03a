-- H2 has no trigram index, so a search reads the search keys of every contact of the practice. With
-- archived in the index and the sort keys after the search text, the index covers the search's
-- count and the choice of a page: H2 reads it alone instead of fetching each row (about 1.2 s down to
-- 0.1 s for a count over 100,000 contacts; docs/decisions/0004-contact-list-at-scale.md).
drop index contacts_search_text_ix;
create index contacts_search_text_ix on contacts (practice_id, archived, search_text, sort_name, updated_at);
