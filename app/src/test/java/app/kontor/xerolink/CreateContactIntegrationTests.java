package app.kontor.xerolink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.TestXero;
import app.kontor.contacts.Contact;
import app.kontor.contacts.ContactDirectory;
import app.kontor.contacts.ContactInput;
import app.kontor.practice.Practices;
import app.kontor.xero.XeroFixtures;
import app.xerosim.ContactChanges;
import app.xerosim.Fault;
import app.xerosim.SimContact;
import app.xerosim.SimOrganisation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@KontorIntegrationTest
class CreateContactIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    XeroFixtures xero;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    XeroClientActions actions;

    @Autowired
    Practices practices;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void createContactSendsTheFourValuesAndTheSectionLinksToIt() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var contact = kauri(practice, "Kauri Coast Joinery " + unique());

        var section = click(practice.memberEmail(), "/contacts/" + contact.id() + "/xero/create");

        assertThat(section.select("button").eachText()).doesNotContain("Create Contact");
        var link = section.selectFirst("a:containsOwn(View in Xero)");
        assertThat(link).isNotNull();
        assertThat(link.attr("target")).isEqualTo("_blank");
        assertThat(link.attr("rel")).isEqualTo("noopener");
        assertThat(link.attr("href")).contains("shortcode=").contains("/Contacts/View/");
        assertThat(section.text()).contains("edits in Kontor do not update Xero");

        var inXero = named(organisation, contact.name());
        assertThat(inXero).hasSize(1);
        var created = inXero.getFirst();
        assertThat(link.attr("href")).endsWith(created.contactId().toString());
        assertThat(created.emailAddress()).isEqualTo("accounts@kauri.example");
        var put = TestXero.simulator().requestLog().entries("PUT", "/api.xro/2.0/Contacts").stream()
                .filter(call -> call.body() != null && call.body().contains(contact.name()))
                .toList();
        assertThat(put).hasSize(1);
        assertThat(put.getFirst().query()).contains("summarizeErrors=false");
        assertThat(put.getFirst().idempotencyKey()).isNotBlank();
        assertThat(put.getFirst().body())
                .contains(
                        "\"PhoneType\":\"DEFAULT\"",
                        "\"PhoneCountryCode\":\"64\"",
                        "\"PhoneAreaCode\":\"9\"",
                        "\"PhoneNumber\":\"4391200\"",
                        "\"AddressType\":\"POBOX\"",
                        "Dargaville");
    }

    @Test
    void twoConcurrentClicksMakeOneXeroContactAndOneLink() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var contact = kauri(practice, "Double Click Ltd " + unique());
        var user = practices.loadUserByUsername(practice.memberEmail()).user();

        var results = new ArrayList<Future<SectionView>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var i = 0; i < 8; i++) {
                results.add(threads.submit(
                        (Callable<SectionView>) () -> actions.createContact(user, contact.id(), false, null)));
            }
        }
        for (var result : results) {
            result.get();
        }

        assertThat(named(organisation, contact.name())).hasSize(1);
        assertThat(actions.view(user, contact).state()).isEqualTo(SectionView.State.LINKED);
    }

    @Test
    void aLostResponseIsFoundByNameAndNotCreatedTwice() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var contact = kauri(practice, "Lost Response Ltd " + unique());
        TestXero.simulator()
                .faults()
                .nextFor(
                        organisation.tenantId().toString(),
                        1,
                        "PUT",
                        "/api.xro/2.0/Contacts",
                        Fault.commitThenDropResponse());

        var section = click(practice.memberEmail(), "/contacts/" + contact.id() + "/xero/create");

        assertThat(section.select("a").eachText()).contains("View in Xero");
        assertThat(named(organisation, contact.name())).hasSize(1);
    }

    @Test
    void aContactXeroAlreadyHasByNameIsOfferedForLinking() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var name = "Tui Florists " + unique();
        var existing = organisation.contacts().create(ContactChanges.named(name + " Ltd"));
        var contact = kauri(practice, name);

        var offer = click(practice.memberEmail(), "/contacts/" + contact.id() + "/xero/create");

        assertThat(offer.select("button").eachText())
                .contains("Link to " + name + " Ltd", "Create with a different name")
                .doesNotContain("Create Contact");
        assertThat(named(organisation, name)).isEmpty();

        var linked = mvc.perform(post("/contacts/" + contact.id() + "/xero/link")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("xeroContactId", existing.contactId().toString()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(linked).text()).contains("Linked to " + name + " Ltd", "Linked by hand");
    }

    @Test
    void aContactWithTheSameEmailIsShownBeforeCreatingAnyway() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        organisation
                .contacts()
                .create(ContactChanges.named("Other Name " + unique()).withEmail("accounts@kauri.example"));
        var contact = kauri(practice, "Same Email Ltd " + unique());

        var offer = click(practice.memberEmail(), "/contacts/" + contact.id() + "/xero/create");
        assertThat(offer.select("button").eachText()).containsExactly("Create anyway");

        var created = click(practice.memberEmail(), "/contacts/" + contact.id() + "/xero/create", "anyway", "true");
        assertThat(created.select("a").eachText()).contains("View in Xero");
        assertThat(named(organisation, contact.name())).hasSize(1);
    }

    @Test
    void editsInKontorAfterCreatingSendNothingToXero() throws Exception {
        var practice = fixtures.newPractice();
        connectedOrganisation(practice);
        var contact = kauri(practice, "One Way Ltd " + unique());
        click(practice.memberEmail(), "/contacts/" + contact.id() + "/xero/create");
        var callsBefore = TestXero.simulator().requestLog().entries().size();

        contacts.update(
                practice.id(),
                contact.id(),
                contact.version(),
                Fixtures.organisationInput(contact.name(), "new@example.com", null));

        var after = TestXero.simulator().requestLog().entries();
        assertThat(after.subList(callsBefore, after.size()))
                .noneMatch(call -> call.path().startsWith("/api.xro/2.0/Contacts")
                        && !call.method().equals("GET"));
    }

    @Test
    void anotherPracticesContactCannotBeCreatedInXero() throws Exception {
        var mine = fixtures.newPractice();
        connectedOrganisation(mine);
        var theirs = fixtures.newPractice();
        var theirContact = kauri(theirs, "Not Yours Ltd " + unique());

        var status = mvc.perform(post("/contacts/" + theirContact.id() + "/xero/create")
                        .with(fixtures.as(mine.adminEmail()))
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andReturn()
                .getResponse()
                .getStatus();

        assertThat(status).isEqualTo(404);
    }

    @Test
    void anArchivedContactIsNotSentToXero() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var contact = kauri(practice, "Archived Here Ltd " + unique());
        contacts.archive(practice.id(), contact.id(), contact.version());
        var callsBefore = TestXero.simulator().requestLog().entries().size();

        var section = click(practice.memberEmail(), "/contacts/" + contact.id() + "/xero/create");

        assertThat(section.text()).contains("archived in Kontor");
        assertThat(TestXero.simulator().requestLog().entries()).hasSize(callsBefore);
        assertThat(named(organisation, contact.name())).isEmpty();
    }

    @Test
    void linkExistingFindsUnlinkedXeroContactsByEmailAndLinksOne() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var email = "finance-" + unique() + "@pohutukawa.example";
        var existing = organisation
                .contacts()
                .create(ContactChanges.named("Pohutukawa Holdings " + unique()).withEmail(email));
        var contact = kauri(practice, "Pohutukawa " + unique());

        var results = click(practice.memberEmail(), "/contacts/" + contact.id() + "/xero/search", "q", email);
        assertThat(results.select("button").eachText()).contains("Link to " + existing.name());

        var linked = click(
                practice.memberEmail(),
                "/contacts/" + contact.id() + "/xero/link",
                "xeroContactId",
                existing.contactId().toString());
        assertThat(linked.text()).contains("Linked to " + existing.name(), "Linked by hand");

        var other = kauri(practice, "Second Try " + unique());
        var again = click(practice.memberEmail(), "/contacts/" + other.id() + "/xero/search", "q", email);
        assertThat(again.select("button").eachText())
                .as("a linked Xero contact is not offered again")
                .doesNotContain("Link to " + existing.name());
    }

    @Test
    void onlyAdminsUnlinkAndTheHistoryRecordsIt() throws Exception {
        var practice = fixtures.newPractice();
        connectedOrganisation(practice);
        var contact = kauri(practice, "Unlink Me Ltd " + unique());
        click(practice.memberEmail(), "/contacts/" + contact.id() + "/xero/create");

        var asMember = mvc.perform(post("/contacts/" + contact.id() + "/xero/unlink")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andReturn()
                .getResponse()
                .getStatus();
        var asAdmin = click(practice.adminEmail(), "/contacts/" + contact.id() + "/xero/unlink");

        assertThat(asMember).isEqualTo(403);
        assertThat(asAdmin.select("button").eachText()).contains("Create Contact");
        var admin = practices.loadUserByUsername(practice.adminEmail()).user();
        assertThat(actions.view(admin, contacts.get(practice.id(), contact.id()))
                        .state())
                .isEqualTo(SectionView.State.UNLINKED);
    }

    @Test
    void theApiCreatesReadsRefusesASecondCreateAndUnlinks() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var contact = kauri(practice, "Api Create Ltd " + unique());
        var path = "/api/v1/contacts/" + contact.id() + "/xero";

        mvc.perform(post(path).with(fixtures.as(practice.memberEmail())).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(header().string(
                                "Server-Timing",
                                org.hamcrest.Matchers.matchesPattern(
                                        "xero;desc=\"Waiting for Xero\";dur=[0-9]+\\.[0-9]")))
                .andExpect(jsonPath("$.link.origin").value("CREATED"));
        mvc.perform(post(path).with(fixtures.as(practice.memberEmail())).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/already-linked"));
        mvc.perform(get(path).with(fixtures.as(practice.memberEmail())))
                .andExpect(jsonPath("$.state").value("LINKED"))
                .andExpect(jsonPath("$.link.xeroContactId")
                        .value(named(organisation, contact.name())
                                .getFirst()
                                .contactId()
                                .toString()));
        mvc.perform(delete(path).with(fixtures.as(practice.memberEmail())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(delete(path).with(fixtures.as(practice.adminEmail())).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(named(organisation, contact.name())).hasSize(1);
    }

    @Test
    void theApiListsCandidatesInsteadOfCreatingADuplicate() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var name = "Candidate Co " + unique();
        organisation.contacts().create(ContactChanges.named(name));
        var contact = kauri(practice, name);

        mvc.perform(post("/api/v1/contacts/" + contact.id() + "/xero")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.candidates[0].name").value(name));

        assertThat(named(organisation, name)).hasSize(1);
    }

    @Test
    void aCreationAbandonedByAStoppedServerCanBeFinishedWithoutADuplicate() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var contact = kauri(practice, "Abandoned Ltd " + unique());
        // As if a server sent the contact to Xero and stopped before storing the link, 3 minutes ago.
        organisation.contacts().create(ContactChanges.named(contact.name()));
        jdbc.sql("""
                        insert into xero_create_requests (contact_id, practice_id, tenant_id, idempotency_key,
                            requested_by, created_at) values (?, ?, ?, ?, ?, ?)""")
                .params(
                        contact.id().value(),
                        practice.id().value(),
                        organisation.tenantId(),
                        "abandoned-key",
                        "Someone",
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(3))
                .update();

        var section = click(practice.memberEmail(), "/contacts/" + contact.id() + "/xero/create");

        assertThat(section.select("button").eachText()).contains("Link to " + contact.name());
        assertThat(named(organisation, contact.name())).hasSize(1);
    }

    @Test
    void aCreationHeldBackByXerosMinuteLimitIsQueuedAndFinishedByAJob() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var contact = kauri(practice, "Queued Ltd " + unique());
        TestXero.simulator()
                .faults()
                .nextFor(
                        organisation.tenantId().toString(),
                        1,
                        "PUT",
                        "/api.xro/2.0/Contacts",
                        Fault.rateLimited("minute", 2));

        var queued = click(practice.memberEmail(), "/contacts/" + contact.id() + "/xero/create");

        assertThat(queued.select(".status-line").text()).matches("Queued — will be created within \\d+ s");
        assertThat(queued.select("section").attr("hx-trigger")).isEqualTo("every 3s");
        var member = practices.loadUserByUsername(practice.memberEmail()).user();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> actions.view(member, contact).state() == SectionView.State.LINKED);
        assertThat(named(organisation, contact.name())).hasSize(1);
        var keys = TestXero.simulator().requestLog().entries("PUT", "/api.xro/2.0/Contacts").stream()
                .filter(call -> call.body().contains(contact.name()))
                .map(call -> call.idempotencyKey())
                .distinct()
                .toList();
        assertThat(keys).as("the retry reuses the Idempotency-Key").hasSize(1);
    }

    @Test
    void theHistoryRecordsWhoWhatWasSentAndXerosAnswer() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var contact = kauri(practice, "Audited Ltd " + unique());

        click(practice.memberEmail(), "/contacts/" + contact.id() + "/xero/create");

        var created = named(organisation, contact.name()).getFirst();
        var audit = jdbc.sql("select event, actor, sent, answer from xero_link_history where contact_id = ?")
                .param(contact.id().value())
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
        assertThat(audit.get(0)).isEqualTo("Created in Xero");
        assertThat(audit.get(1)).startsWith("Member ");
        assertThat(audit.get(2))
                .contains("EmailAddress: accounts@kauri.example", "DEFAULT phone: +64 9 4391200", "Dargaville");
        assertThat(audit.get(3)).isEqualTo("ContactID " + created.contactId());
    }

    @Test
    void aNameXeroWouldRefuseIsExplainedWithoutAskingXero() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var contact = kauri(practice, "Long Name Ltd " + unique());
        var callsBefore = TestXero.simulator().requestLog().entries().size();

        var section = click(
                practice.memberEmail(), "/contacts/" + contact.id() + "/xero/create", "nameInXero", "n".repeat(256));

        assertThat(section.text()).contains("A name in Xero can be at most 255 characters.");
        assertThat(TestXero.simulator().requestLog().entries()).hasSize(callsBefore);
        assertThat(organisation.contacts().list()).isEmpty();
    }

    @Test
    void aRateLimitedPreflightSendsNothingAndSaysWhenToRetry() throws Exception {
        var practice = fixtures.newPractice();
        var organisation = connectedOrganisation(practice);
        var contact = kauri(practice, "Busy Xero Ltd " + unique());
        TestXero.simulator()
                .faults()
                .nextFor(
                        organisation.tenantId().toString(),
                        1,
                        "GET",
                        "/api.xro/2.0/Contacts",
                        Fault.rateLimited("minute", 30));

        mvc.perform(post("/api/v1/contacts/" + contact.id() + "/xero")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[0-9]+")))
                .andExpect(jsonPath("$.type").value("/problems/xero-busy"));

        assertThat(named(organisation, contact.name())).isEmpty();
    }

    private SimOrganisation connectedOrganisation(Fixtures.TestPractice practice) throws Exception {
        var organisation = xero.newOrganisation("Create Tests");
        xero.connectAndSettle(practice, organisation.tenantId());
        return organisation;
    }

    private Contact kauri(Fixtures.TestPractice practice, String name) {
        return contacts.create(
                practice.id(),
                new ContactInput(
                        "ORGANISATION",
                        name,
                        null,
                        null,
                        "",
                        List.of(new ContactInput.EmailInput("Accounts", "accounts@kauri.example", true)),
                        List.of(new ContactInput.PhoneInput("Office", "09 439 1200", true)),
                        List.of(new ContactInput.AddressInput(
                                "Postal",
                                "12 Hokianga Road",
                                "",
                                "",
                                "",
                                "Dargaville",
                                "Northland",
                                "0310",
                                "New Zealand",
                                "",
                                true))));
    }

    /** Presses a button of the section as htmx does; {@code params} are name, value pairs. */
    private Document click(String email, String path, String... params) throws Exception {
        var request = post(path).with(fixtures.as(email)).with(csrf()).header("HX-Request", "true");
        for (var i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }

    private static List<SimContact> named(SimOrganisation organisation, String name) {
        return organisation.contacts().list().stream()
                .filter(c -> c.name().equals(name))
                .toList();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
