package app.kontor.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.shared.PageRequest;
import app.kontor.shared.PracticeId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The list's totals without a search text come from kept counts (contact_counts), not from counting
 * rows; they must stay exactly what counting would say, whatever is created, archived, restored or
 * changed from person to organisation, also when several changes run at once. Pages come from the
 * index in the list's order, however deep.
 */
@KontorIntegrationTest
class ContactListTotalsIntegrationTests {

    @Autowired
    ContactDirectory contacts;

    @Autowired
    Fixtures fixtures;

    @Test
    void totalsFollowCreatesArchivesRestoresAndKindChanges() {
        var practice = fixtures.newPractice();
        var people = new ArrayList<Contact>();
        for (var i = 0; i < 5; i++) {
            people.add(contacts.create(practice.id(), person("Person " + i)));
        }
        for (var i = 0; i < 3; i++) {
            fixtures.organisation(practice, "Organisation " + i + " Ltd");
        }
        assertTotals(practice.id(), 8, 0, 5, 3);

        var archived = contacts.archive(practice.id(), people.get(0).id(), 1);
        contacts.archive(practice.id(), people.get(1).id(), 1);
        assertTotals(practice.id(), 6, 2, 3, 3);

        contacts.restore(practice.id(), archived.id(), archived.version());
        assertTotals(practice.id(), 7, 1, 4, 3);

        var changed = contacts.update(
                practice.id(), people.get(2).id(), 1, Fixtures.organisationInput("Person 2 Holdings Ltd", null, null));
        assertThat(changed.kind()).isEqualTo(ContactKind.ORGANISATION);
        assertTotals(practice.id(), 7, 1, 3, 4);

        // An edit that changes neither kind nor archived leaves the totals alone.
        contacts.update(practice.id(), people.get(3).id(), 1, person("Person 3 Renamed"));
        assertTotals(practice.id(), 7, 1, 3, 4);
    }

    @Test
    void totalsStayExactWhenManyChangesRunAtOnce() throws Exception {
        var practice = fixtures.newPractice();
        var created = new ArrayList<Future<Contact>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var i = 0; i < 24; i++) {
                var n = i;
                created.add(threads.submit((Callable<Contact>) () -> n % 2 == 0
                        ? contacts.create(practice.id(), person("Parallel " + n))
                        : fixtures.organisation(practice, "Parallel " + n + " Ltd")));
            }
        }
        var all = new ArrayList<Contact>();
        for (var future : created) {
            all.add(future.get());
        }
        var changes = new ArrayList<Future<Contact>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var i = 0; i < 12; i++) {
                var contact = all.get(i);
                changes.add(threads.submit(() -> contact.kind() == ContactKind.PERSON
                        ? contacts.archive(practice.id(), contact.id(), 1)
                        : contacts.update(practice.id(), contact.id(), 1, person("Now a person " + contact.name()))));
            }
        }
        for (var future : changes) {
            future.get();
        }
        // 12 people, 12 organisations; of the first 12, 6 people archived and 6 organisations now people.
        assertTotals(practice.id(), 18, 6, 12, 6);
    }

    @Test
    void everyPageInEverySortIsTheNextSliceOfTheWholeOrder() {
        var practice = fixtures.newPractice();
        var names = List.of(
                "delta", "Alpha", "charlie", "Bravo", "echo", "alpha", "Foxtrot", "golf", "Hotel", "india", "Alpha");
        var made = new ArrayList<Contact>();
        for (var name : names) {
            made.add(fixtures.organisation(practice, name));
        }
        contacts.archive(practice.id(), made.get(4).id(), 1);

        for (var sort : ContactSearch.Sort.values()) {
            for (var status : ContactSearch.Status.values()) {
                var whole = contacts.search(
                                practice.id(), new ContactSearch("", null, status, sort, new PageRequest(1, 200)))
                        .items();
                var paged = new ArrayList<ContactListItem>();
                for (var page = 1; page <= 5; page++) {
                    var result = contacts.search(
                            practice.id(), new ContactSearch("", null, status, sort, new PageRequest(page, 3)));
                    assertThat(result.totalItems()).isEqualTo(whole.size());
                    paged.addAll(result.items());
                }
                assertThat(paged).as(sort + " " + status).isEqualTo(whole);
                assertThat(whole).as(sort + " " + status).isSortedAccordingTo(order(sort));
            }
        }
    }

    private static Comparator<ContactListItem> order(ContactSearch.Sort sort) {
        Comparator<ContactListItem> byName =
                Comparator.comparing(item -> item.name().toLowerCase(Locale.ROOT));
        Comparator<ContactListItem> byId =
                Comparator.comparing(item -> item.id().value());
        return switch (sort) {
            case NAME -> byName;
            case NAME_DESC -> byName.reversed();
            case RECENTLY_UPDATED ->
                Comparator.comparing(ContactListItem::updatedAt).reversed();
        };
    }

    /** Each total as the list shows it, and as counting the listed rows says. */
    private void assertTotals(
            PracticeId practice, int active, int archived, int activePeople, int activeOrganisations) {
        assertThat(total(practice, null, ContactSearch.Status.ACTIVE)).isEqualTo(active);
        assertThat(total(practice, null, ContactSearch.Status.ARCHIVED)).isEqualTo(archived);
        assertThat(total(practice, null, ContactSearch.Status.ALL)).isEqualTo(active + archived);
        assertThat(total(practice, ContactKind.PERSON, ContactSearch.Status.ACTIVE))
                .isEqualTo(activePeople);
        assertThat(total(practice, ContactKind.ORGANISATION, ContactSearch.Status.ACTIVE))
                .isEqualTo(activeOrganisations);
        for (var status : ContactSearch.Status.values()) {
            for (var kind : new ContactKind[] {null, ContactKind.PERSON, ContactKind.ORGANISATION}) {
                var page = contacts.search(
                        practice,
                        new ContactSearch("", kind, status, ContactSearch.Sort.NAME, new PageRequest(1, 200)));
                assertThat(page.totalItems())
                        .as(status + " " + kind)
                        .isEqualTo(page.items().size());
            }
        }
    }

    private long total(PracticeId practice, @Nullable ContactKind kind, ContactSearch.Status status) {
        return contacts.search(
                        practice, new ContactSearch("", kind, status, ContactSearch.Sort.NAME, new PageRequest(1, 50)))
                .totalItems();
    }

    private static ContactInput person(String name) {
        return new ContactInput("PERSON", name, null, null, "", List.of(), List.of(), List.of());
    }
}
