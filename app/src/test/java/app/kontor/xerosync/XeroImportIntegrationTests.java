package app.kontor.xerosync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactKind;
import app.kontor.contacts.ContactMatchKey;
import app.kontor.contacts.EmailAddress;
import app.kontor.contacts.PhoneNumber;
import app.kontor.contacts.PostalAddress;
import app.kontor.practice.Practices;
import app.kontor.practice.SignedInUser;
import app.kontor.shared.ContactId;
import app.kontor.xero.ImportFilter;
import app.kontor.xero.XeroConnections;
import app.kontor.xero.XeroFixtures;
import app.kontor.xerolink.LinkOrigin;
import app.kontor.xerolink.XeroLinks;
import app.xerosim.ContactChanges;
import app.xerosim.SimAddress;
import app.xerosim.SimOrganisation;
import app.xerosim.SimPhone;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The import on connect against the simulator: every matching outcome of DESIGN §1 rule 3, the
 * mapping of Xero's fields, archived, merged and erased contacts, the import filter, values Kontor
 * rejects, and match review by web and REST.
 */
@KontorIntegrationTest
class XeroImportIntegrationTests {

    @Autowired
    XeroSyncs syncs;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    XeroFixtures xero;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    XeroLinks links;

    @Autowired
    XeroImports imports;

    @Autowired
    MatchReviews reviews;

    @Autowired
    XeroConnections connections;

    @Autowired
    Practices practices;

    @Autowired
    XeroContactChanges changes;

    @Test
    void connectingImportsLinksAndQueuesEachXeroContactByTheMatchingRules() throws Exception {
        var practice = fixtures.newPractice();
        var acme = organisation(practice, "Acme Ltd", "accounts@acme.example");
        var brook = organisation(practice, "Brook & Sons", "office@brook.example");
        var onlyInKontor = organisation(practice, "Kontor Only Partners", "hello@kontor-only.example");
        var organisation = xero.newOrganisation("Import");
        var xeroAcme = customer(
                organisation,
                ContactChanges.named("ACME Limited")
                        .withEmail(" Accounts@Acme.example ")
                        .withPhone(SimPhone.of("DEFAULT", "64", "9", "4391200"))
                        .withAddress(
                                SimAddress.of("POBOX", "PO Box 12", "Auckland", "Auckland", "1010", "New Zealand")));
        var xeroBrook =
                customer(organisation, ContactChanges.named("Brook and Sons").withEmail("brook@other.example"));
        var xeroCedar = customer(
                organisation,
                ContactChanges.named("Cedar Hart")
                        .withPerson("Cedar", "Hart")
                        .withEmail("cedar@hart.example")
                        .withPhone(SimPhone.of("DEFAULT", "", "09", "5550123"))
                        .withAddress(SimAddress.of("STREET", "1 Queen Street", "Auckland", "", "1010", "New Zealand")));
        var archived = customer(organisation, ContactChanges.named("Old Client Ltd"));
        organisation.contacts().archive(archived);
        var erased = customer(organisation, ContactChanges.named("Erase Me Ltd").withEmail("erase@me.example"));
        organisation.contacts().requestErasure(erased);
        var notCustomer = organisation
                .contacts()
                .create(ContactChanges.named("Paper Supplies Ltd"))
                .contactId();

        xero.connect(practice, organisation.tenantId());
        var finished = finishedImport(practice);

        assertThat(finished.total()).isEqualTo(6);
        assertThat(finished.created()).isEqualTo(1);
        assertThat(finished.linked()).isEqualTo(1);
        assertThat(finished.needsReview()).isEqualTo(1);
        assertThat(finished.skipped()).isEqualTo(3);
        assertThat(finished.failed()).isZero();

        var acmeLink = links.find(practice.id(), acme.id()).orElseThrow();
        assertThat(acmeLink.xeroContactId()).isEqualTo(xeroAcme);
        assertThat(acmeLink.origin()).isEqualTo(LinkOrigin.MATCHED);
        var acmeNow = contacts.get(practice.id(), acme.id());
        assertThat(acmeNow.name()).isEqualTo("ACME Limited");
        assertThat(acmeNow.billingEmail().map(EmailAddress::address)).contains("Accounts@Acme.example");
        assertThat(acmeNow.primaryPhone().map(PhoneNumber::e164)).contains("+6494391200");
        assertThat(acmeNow.billingAddress().map(PostalAddress::singleLine))
                .contains("PO Box 12, Auckland, Auckland, 1010, New Zealand");

        assertThat(links.find(practice.id(), brook.id())).isEmpty();
        var waiting = reviews.list(practice.id());
        assertThat(waiting).hasSize(1);
        assertThat(waiting.getFirst().xeroContactId()).isEqualTo(xeroBrook);
        assertThat(waiting.getFirst().candidates()).singleElement().satisfies(candidate -> {
            assertThat(candidate.contactId()).isEqualTo(brook.id());
            assertThat(candidate.sameName()).isTrue();
            assertThat(candidate.sameEmail()).isFalse();
        });

        var cedar = linkedContact(practice, xeroCedar);
        assertThat(cedar.kind()).isEqualTo(ContactKind.PERSON);
        assertThat(cedar.firstName()).isEqualTo("Cedar");
        assertThat(cedar.lastName()).isEqualTo("Hart");
        assertThat(cedar.primaryPhone().map(PhoneNumber::e164)).contains("+6495550123");
        assertThat(cedar.billingAddress()).isEmpty();
        assertThat(cedar.addresses())
                .singleElement()
                .satisfies(street ->
                        assertThat(street.singleLine()).isEqualTo("1 Queen Street, Auckland, 1010, New Zealand"));
        assertThat(links.find(practice.id(), cedar.id()).orElseThrow().origin()).isEqualTo(LinkOrigin.MATCHED);

        for (var absent : List.of("Old Client", "Erase Me", "Paper Supplies")) {
            assertThat(named(practice, absent)).isEmpty();
        }
        assertThat(links.findByXeroContact(practice.id(), organisation.tenantId(), notCustomer))
                .isEmpty();
        assertThat(links.find(practice.id(), onlyInKontor.id())).isEmpty();
        assertThat(contacts.get(practice.id(), onlyInKontor.id()).version()).isEqualTo(onlyInKontor.version());
    }

    @Test
    void confirmLinkGivesTheKontorContactXerosValuesAndCreateNewAddsOne() throws Exception {
        var practice = fixtures.newPractice();
        var harbour = organisation(practice, "Harbour Cafe", "old@harbour.example");
        var sameEmail = organisation(practice, "Tide Traders", "accounts@tide.example");
        var organisation = xero.newOrganisation("Review");
        customer(organisation, ContactChanges.named("HARBOUR CAFE LTD").withEmail("new@harbour.example"));
        var tide = customer(
                organisation, ContactChanges.named("Tide Trading Company").withEmail("accounts@tide.example"));
        xero.connect(practice, organisation.tenantId());
        assertThat(finishedImport(practice).needsReview()).isEqualTo(2);

        var byName = reviews.list(practice.id()).stream()
                .filter(review -> review.xero().name().equals("HARBOUR CAFE LTD"))
                .findFirst()
                .orElseThrow();
        var page = mvc.perform(get("/settings/integrations/xero/matches").with(fixtures.as(practice.adminEmail())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "HARBOUR CAFE LTD", "new@harbour.example", "old@harbour.example", "Confirm link", "Create new");

        mvc.perform(post("/settings/integrations/xero/matches/" + byName.id() + "/confirm")
                        .param("contactId", harbour.id().toString())
                        .with(csrf())
                        .with(fixtures.as(practice.memberEmail())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/integrations/xero/matches/" + byName.id() + "/confirm")
                        .param("contactId", harbour.id().toString())
                        .with(csrf())
                        .with(fixtures.as(practice.adminEmail())))
                .andExpect(status().is3xxRedirection());
        var confirmed = contacts.get(practice.id(), harbour.id());
        assertThat(confirmed.name()).isEqualTo("HARBOUR CAFE LTD");
        assertThat(confirmed.billingEmail().map(EmailAddress::address)).contains("new@harbour.example");
        assertThat(links.find(practice.id(), harbour.id()).orElseThrow().origin())
                .isEqualTo(LinkOrigin.MATCHED);

        var byEmail = reviews.list(practice.id()).getFirst();
        mvc.perform(post("/api/v1/xero/matches/" + byEmail.id() + "/confirm")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contactId\":\"" + UUID.randomUUID() + "\"}")
                        .with(fixtures.as(practice.adminEmail())))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/xero/matches/" + byEmail.id() + "/create-new")
                        .with(csrf())
                        .with(fixtures.as(practice.adminEmail())))
                .andExpect(status().isCreated());
        var created = linkedContact(practice, tide);
        assertThat(created.id()).isNotEqualTo(sameEmail.id());
        assertThat(created.name()).isEqualTo("Tide Trading Company");
        assertThat(links.find(practice.id(), sameEmail.id())).isEmpty();
        assertThat(reviews.list(practice.id())).isEmpty();
        mvc.perform(post("/api/v1/xero/matches/" + byEmail.id() + "/create-new")
                        .with(csrf())
                        .with(fixtures.as(practice.adminEmail())))
                .andExpect(status().isNotFound());
    }

    @Test
    void linkingByHandFromTheXeroClientSectionClosesTheXeroContactsMatchReview() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Review closed");
        var kea = customer(organisation, ContactChanges.named("Kea Review Ltd").withEmail("xero@kea.example"));
        var kontor = organisation(practice, "Kea Review Ltd", "kontor@kea.example");
        xero.connect(practice, organisation.tenantId());
        finishedImport(practice);
        assertThat(reviews.count(practice.id())).isEqualTo(1);

        mvc.perform(put("/api/v1/contacts/" + kontor.id() + "/xero")
                        .with(csrf())
                        .with(fixtures.as(practice.memberEmail()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"xeroContactId\":\"" + kea + "\"}"))
                .andExpect(status().is2xxSuccessful());

        assertThat(reviews.count(practice.id())).isZero();
        assertThat(reviews.list(practice.id())).isEmpty();
    }

    @Test
    void valuesKontorRejectsAreKeptRawAndFlaggedWhileTheRestOfTheContactArrives() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Bad values");
        var odd = customer(
                organisation,
                ContactChanges.named("Odd Values Ltd")
                        .withEmail("accounts@localhost")
                        .withPhone(SimPhone.of("DEFAULT", "64", "", "12"))
                        .withAddress(SimAddress.of("POBOX", "PO Box 1", "Nelson", "", "7010", "New Zealand")));
        xero.connect(practice, organisation.tenantId());
        var finished = finishedImport(practice);
        assertThat(finished.created()).isEqualTo(1);
        assertThat(finished.failed()).isZero();

        var contact = linkedContact(practice, odd);
        assertThat(contact.emails()).isEmpty();
        assertThat(contact.phones()).isEmpty();
        assertThat(contact.billingAddress().map(PostalAddress::city)).contains("Nelson");
        var attention = imports.needsAttention(practice.id(), 10);
        assertThat(attention)
                .extracting(SyncProblem::field)
                .containsExactlyInAnyOrder("Billing email", "Primary phone");
        assertThat(attention).extracting(SyncProblem::rawValue).contains("accounts@localhost", "+64 12");
        assertThat(attention).allSatisfy(problem -> {
            assertThat(problem.contactId()).isEqualTo(contact.id());
            assertThat(problem.reason()).isNotBlank();
        });
        var settings = mvc.perform(get("/settings/integrations/xero").with(fixtures.as(practice.adminEmail())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(settings).contains("Needs attention", "accounts@localhost");
    }

    @Test
    void widerImportFilterBringsTheOtherContactsInAndNeverRemovesALink() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Filter");
        var customerId = customer(organisation, ContactChanges.named("Customer One Ltd"));
        var supplierId = organisation
                .contacts()
                .create(ContactChanges.named("Supplier One Ltd"))
                .contactId();
        organisation.contacts().markAsSupplier(supplierId);
        var otherId = organisation
                .contacts()
                .create(ContactChanges.named("Neither One Ltd"))
                .contactId();
        xero.connect(practice, organisation.tenantId());
        var first = finishedImport(practice);
        assertThat(first.created()).isEqualTo(1);
        assertThat(first.skipped()).isEqualTo(2);

        var admin = admin(practice);
        connections.setImportFilter(admin, ImportFilter.CUSTOMERS_AND_SUPPLIERS);
        awaitFinishedAfter(practice, first.id());
        linkedContact(practice, supplierId);
        assertThat(links.findByXeroContact(practice.id(), organisation.tenantId(), otherId))
                .isEmpty();

        var second = imports.latest(practice.id()).orElseThrow();
        connections.setImportFilter(admin, ImportFilter.CUSTOMERS);
        var third = awaitFinishedAfter(practice, second.id());
        assertThat(third.created()).isZero();
        assertThat(third.linked()).isEqualTo(2);
        linkedContact(practice, customerId);
        linkedContact(practice, supplierId);
    }

    @Test
    void aLinkedContactMergedInXeroFollowsTheSurvivorOnTheNextImport() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Merge");
        var loser =
                customer(organisation, ContactChanges.named("Merged Away Ltd").withEmail("a@merged.example"));
        // Not a customer, so the first import leaves it out of Kontor (the default filter).
        var survivor = organisation
                .contacts()
                .create(ContactChanges.named("Survivor Ltd").withEmail("s@merged.example"))
                .contactId();
        xero.connect(practice, organisation.tenantId());
        var first = finishedImport(practice);
        var kontorLoser = linkedContact(practice, loser);
        organisation.contacts().merge(loser, survivor);

        imports.start(practice.id(), organisation.tenantId(), "test");
        awaitFinishedAfter(practice, first.id());

        var moved = links.find(practice.id(), kontorLoser.id()).orElseThrow();
        assertThat(moved.xeroContactId()).isEqualTo(survivor);
        assertThat(moved.xeroName()).isEqualTo("Survivor Ltd");
        assertThat(named(practice, "Survivor")).isEmpty();
    }

    @Test
    void aChangeXeroNamesInAWebhookReachesTheLinkedContactAndItsHistory() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Webhook change");
        var id = customer(
                organisation,
                ContactChanges.named("Kea Courier Ltd")
                        .withEmail("kea@courier.example")
                        .withPhone(SimPhone.of("DEFAULT", "64", "9", "3771111")));
        xero.connect(practice, organisation.tenantId());
        finishedImport(practice);
        var kea = linkedContact(practice, id);
        organisation
                .contacts()
                .update(id, ContactChanges.none().withPhone(SimPhone.of("DEFAULT", "64", "4", "4992222")));

        changes.contactsChanged(practice.id(), organisation.tenantId(), java.util.Set.of(id), "webhook");
        changes.contactsChanged(practice.id(), organisation.tenantId(), java.util.Set.of(id), "webhook");

        var updated = contacts.get(practice.id(), kea.id());
        assertThat(updated.primaryPhone().map(PhoneNumber::e164)).contains("+6444992222");
        assertThat(updated.version()).isEqualTo(kea.version() + 1);
        var page = mvc.perform(get("/contacts/" + kea.id()).with(fixtures.as(practice.memberEmail())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Updated from Xero", "Primary phone: +64 9 377 1111 → +64 4 499 2222");
    }

    @Test
    void moreThanFiftyChangedContactsAreFetchedFiftyACall() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = xero.newOrganisation("Webhook batches");
        var ids = new java.util.LinkedHashSet<UUID>();
        for (var i = 0; i < 120; i++) {
            ids.add(customer(organisation, ContactChanges.named("Batch " + i + " Ltd " + organisation.shortCode())));
        }
        xero.connect(practice, organisation.tenantId());
        finishedImport(practice);
        TestXero.simulator().clock().advance(Duration.ofSeconds(2));
        for (var id : ids) {
            organisation.contacts().update(id, ContactChanges.none().withEmail(id + "@batches.example"));
        }
        var tenant = organisation.tenantId().toString();
        var before = contactReads(tenant);

        changes.contactsChanged(practice.id(), organisation.tenantId(), ids, "webhook");

        assertThat(contactReads(tenant) - before).as("⌈120 / 50⌉ calls").isEqualTo(3);
        var run = syncs.log(practice.id(), 1).getFirst();
        assertThat(run.kind()).isEqualTo(RunKind.WEBHOOK);
        assertThat(run.pages()).as("calls in the sync log").isEqualTo(3);
        assertThat(run.bytes()).as("downloaded, at least 100 bytes a contact").isGreaterThan(120 * 100);
        for (var id : ids) {
            assertThat(linkedContact(practice, id).billingEmail().map(EmailAddress::address))
                    .contains(id + "@batches.example");
        }
    }

    private static long contactReads(String tenant) {
        return TestXero.simulator().requestLog().entries("GET", "/api.xro/2.0/Contacts").stream()
                .filter(request -> tenant.equals(request.header("xero-tenant-id")))
                .count();
    }

    private XeroImport finishedImport(Fixtures.TestPractice practice) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> imports.latest(practice.id()).orElse(null),
                        run -> run != null && run.state() == ImportState.FINISHED);
    }

    private XeroImport awaitFinishedAfter(Fixtures.TestPractice practice, UUID previous) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> imports.latest(practice.id()).orElse(null),
                        run -> run != null && !run.id().equals(previous) && run.state() == ImportState.FINISHED);
    }

    private Contact linkedContact(Fixtures.TestPractice practice, UUID xeroContactId) {
        var link = links.findByXeroContact(practice.id(), connectedTenant(practice), xeroContactId)
                .orElseThrow(() -> new AssertionError("No Kontor contact is linked to Xero contact " + xeroContactId));
        return contacts.get(practice.id(), link.contactId());
    }

    private UUID connectedTenant(Fixtures.TestPractice practice) {
        return connections.find(practice.id()).orElseThrow().tenantId();
    }

    private List<ContactId> named(Fixtures.TestPractice practice, String text) {
        return contacts.matchKeys(practice.id()).stream()
                .filter(key -> key.name().contains(text))
                .map(ContactMatchKey::id)
                .toList();
    }

    private SignedInUser admin(Fixtures.TestPractice practice) {
        return practices.loadUserByUsername(practice.adminEmail()).user();
    }

    private Contact organisation(Fixtures.TestPractice practice, String name, String email) {
        return contacts.create(practice.id(), Fixtures.organisationInput(name, email, null));
    }

    private static UUID customer(SimOrganisation organisation, ContactChanges changes) {
        return organisation.contacts().create(changes.asCustomer(true)).contactId();
    }
}
