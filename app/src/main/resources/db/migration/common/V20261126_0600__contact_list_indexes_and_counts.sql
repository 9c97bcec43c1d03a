-- Contact lists at 100,000 contacts a practice (issue 9; docs/decisions/0004-contact-list-at-scale.md).

-- Every sort of the list ends in the contact id, so the index gives the whole order (no sort step)
-- and a page's ids come from the index alone. The first two serve Active and Archived lists, the
-- last two the All list.
drop index contacts_practice_sort_name_ix;
drop index contacts_practice_updated_ix;
create index contacts_practice_sort_name_ix on contacts (practice_id, archived, sort_name, id);
create index contacts_practice_updated_ix on contacts (practice_id, archived, updated_at, id);
create index contacts_practice_all_sort_name_ix on contacts (practice_id, sort_name, id);
create index contacts_practice_all_updated_ix on contacts (practice_id, updated_at, id);

-- How many contacts a practice has of each kind, active and archived: the total of an unfiltered
-- list without counting 100,000 index entries on every page view. ContactRows keeps it exact, in
-- the transaction that inserts or changes the contact.
create table contact_counts (
    practice_id uuid not null references practices (id),
    kind varchar(20) not null,
    archived boolean not null,
    contacts bigint not null,
    constraint contact_counts_pk primary key (practice_id, kind, archived)
);

insert into contact_counts (practice_id, kind, archived, contacts)
select practice_id, kind, archived, count(*) from contacts group by practice_id, kind, archived;
