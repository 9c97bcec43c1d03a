-- H2 has no trigram index; a plain index still lets it scan the search keys without the rows.
create index contacts_search_text_ix on contacts (practice_id, search_text);
