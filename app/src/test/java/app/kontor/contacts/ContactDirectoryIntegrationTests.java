package app.kontor.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.contacts.ContactInput.AddressInput;
import app.kontor.contacts.ContactInput.EmailInput;
import app.kontor.contacts.ContactInput.PhoneInput;
import app.kontor.shared.ContactId;
import app.kontor.shared.PageRequest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@KontorIntegrationTest
class ContactDirectoryIntegrationTests {

    @Autowired
    ContactDirectory contacts;

    @Autowired
    Fixtures fixtures;

    @Test
    void storesAndReadsBackEveryDetail() {
        var practice = fixtures.newPractice();
        var input = new ContactInput(
                "PERSON",
                "Zoë Ångström",
                "Zoë",
                "Ångström",
                "Prefers email.\nNever call before 9.",
                List.of(
                        new EmailInput("Work", "zoe@example.net", true),
                        new EmailInput("Home", "zoe@home.example", false)),
                List.of(
                        new PhoneInput("Mobile", "021 555 0142", true),
                        new PhoneInput("Office", "+46 8 555 010 20", false)),
                List.of(
                        new AddressInput(
                                "Postal",
                                "PO Box 12",
                                "",
                                "",
                                "",
                                "Rotorua",
                                "Bay of Plenty",
                                "3040",
                                "New Zealand",
                                "Zoë",
                                true),
                        new AddressInput(
                                "Street",
                                "17 Kowhai Grove",
                                "Unit 2",
                                "",
                                "",
                                "Rotorua",
                                "",
                                "3010",
                                "New Zealand",
                                "",
                                false)));

        var created = contacts.create(practice.id(), input);
        var read = contacts.get(practice.id(), created.id());

        assertThat(read).isEqualTo(created);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.billingEmail()).map(EmailAddress::address).hasValue("zoe@example.net");
        assertThat(read.primaryPhone()).map(PhoneNumber::e164).hasValue("+64215550142");
        assertThat(read.billingAddress()).map(PostalAddress::line1).hasValue("PO Box 12");
        assertThat(read.addresses()).hasSize(2);
        assertThat(read.notes()).isEqualTo("Prefers email.\nNever call before 9.");
    }

    @Test
    void updatesOnlyFromTheCurrentVersion() {
        var practice = fixtures.newPractice();
        var contact = fixtures.organisation(practice, "Kauri Coast Joinery");

        var renamed = contacts.update(
                practice.id(), contact.id(), 1, Fixtures.organisationInput("Kauri Coast Joinery Ltd", null, null));

        assertThat(renamed.version()).isEqualTo(2);
        assertThatThrownBy(() -> contacts.update(
                        practice.id(), contact.id(), 1, Fixtures.organisationInput("Someone else's edit", null, null)))
                .isInstanceOfSatisfying(
                        StaleContactException.class,
                        stale -> assertThat(stale.currentVersion()).isEqualTo(2));
        assertThat(contacts.get(practice.id(), contact.id()).name()).isEqualTo("Kauri Coast Joinery Ltd");
    }

    @Test
    void anInvalidEditChangesNothing() {
        var practice = fixtures.newPractice();
        var contact =
                fixtures.organisation(practice, "Harbourside Dental", "billing@harbourside.example", "09 302 4455");

        assertThatThrownBy(() -> contacts.update(
                        practice.id(), contact.id(), 1, Fixtures.organisationInput("", "broken", "09 302 4455")))
                .isInstanceOf(InvalidContactException.class);

        assertThat(contacts.get(practice.id(), contact.id())).isEqualTo(contact);
    }

    @Test
    void findsContactsByNameEmailAndPhoneDigits() {
        var practice = fixtures.newPractice();
        var dental =
                fixtures.organisation(practice, "Harbourside Dental", "billing@harbourside.example", "09 302 4455");
        var florist = fixtures.organisation(practice, "Tui & Fern Florists", "hello@tuiandfern.example", "04 384 7710");

        assertThat(names(practice, "harbour")).containsExactly(dental.name());
        assertThat(names(practice, "TUIANDFERN.example")).containsExactly(florist.name());
        assertThat(names(practice, "04 384")).containsExactly(florist.name());
        assertThat(names(practice, "+64 4 384 7710")).containsExactly(florist.name());
        assertThat(names(practice, "100%")).isEmpty();
        assertThat(names(practice, "")).containsExactly(dental.name(), florist.name());
    }

    @Test
    void filtersByTypeSortsAndPages() {
        var practice = fixtures.newPractice();
        IntStream.rangeClosed(1, 55).forEach(i -> fixtures.organisation(practice, "Org %02d".formatted(i)));
        contacts.create(
                practice.id(), new ContactInput("PERSON", "aroha Ngata", "Aroha", "Ngata", null, null, null, null));

        var firstPage = contacts.search(practice.id(), search("", null, ContactSearch.Sort.NAME, 1));
        var secondPage = contacts.search(practice.id(), search("", null, ContactSearch.Sort.NAME, 2));
        var people = contacts.search(practice.id(), search("", ContactKind.PERSON, ContactSearch.Sort.NAME, 1));
        var descending =
                contacts.search(practice.id(), search("", ContactKind.ORGANISATION, ContactSearch.Sort.NAME_DESC, 1));

        assertThat(firstPage.totalItems()).isEqualTo(56);
        assertThat(firstPage.totalPages()).isEqualTo(2);
        assertThat(firstPage.items()).hasSize(50);
        assertThat(firstPage.items().getFirst().name()).isEqualTo("aroha Ngata");
        assertThat(secondPage.items()).hasSize(6);
        assertThat(secondPage.firstItemNumber()).isEqualTo(51);
        assertThat(secondPage.items().getLast().name()).isEqualTo("Org 55");
        assertThat(people.items()).extracting(ContactListItem::name).containsExactly("aroha Ngata");
        assertThat(descending.items().getFirst().name()).isEqualTo("Org 55");
    }

    @Test
    void archivedContactsLeaveTheDefaultListAndComeBackOnRestore() {
        var practice = fixtures.newPractice();
        var contact = fixtures.organisation(practice, "Coastline Surf School");

        var archived = contacts.archive(practice.id(), contact.id(), 1);

        assertThat(archived.archived()).isTrue();
        assertThat(names(practice, "")).isEmpty();
        assertThat(contacts.search(practice.id(), statusSearch(ContactSearch.Status.ARCHIVED))
                        .items())
                .extracting(ContactListItem::name)
                .containsExactly("Coastline Surf School");

        contacts.restore(practice.id(), contact.id(), archived.version());

        assertThat(names(practice, "")).containsExactly("Coastline Surf School");
    }

    @Test
    void anotherPracticesContactIsNotFound() {
        var mine = fixtures.newPractice();
        var theirs = fixtures.newPractice();
        var theirContact = fixtures.organisation(theirs, "Their Client Ltd");

        assertThatThrownBy(() -> contacts.get(mine.id(), theirContact.id()))
                .isInstanceOf(ContactNotFoundException.class);
        assertThatThrownBy(() -> contacts.update(
                        mine.id(), theirContact.id(), 1, Fixtures.organisationInput("Hijacked", null, null)))
                .isInstanceOf(ContactNotFoundException.class);
        assertThatThrownBy(() -> contacts.archive(mine.id(), theirContact.id(), 1))
                .isInstanceOf(ContactNotFoundException.class);
        assertThat(names(mine, "Their")).isEmpty();
        assertThat(contacts.get(theirs.id(), theirContact.id()).name()).isEqualTo("Their Client Ltd");
    }

    @Test
    void anUnknownIdIsNotFound() {
        var practice = fixtures.newPractice();

        assertThatThrownBy(() -> contacts.get(practice.id(), ContactId.random()))
                .isInstanceOf(ContactNotFoundException.class);
    }

    private List<String> names(Fixtures.TestPractice practice, String text) {
        return contacts.search(practice.id(), search(text, null, ContactSearch.Sort.NAME, 1)).items().stream()
                .map(ContactListItem::name)
                .toList();
    }

    private static ContactSearch search(String text, ContactKind kind, ContactSearch.Sort sort, int page) {
        return new ContactSearch(text, kind, ContactSearch.Status.ACTIVE, sort, new PageRequest(page, 50));
    }

    private static ContactSearch statusSearch(ContactSearch.Status status) {
        return new ContactSearch("", null, status, ContactSearch.Sort.NAME, new PageRequest(1, 50));
    }
}
