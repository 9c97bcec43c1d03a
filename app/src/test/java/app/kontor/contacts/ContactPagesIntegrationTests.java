package app.kontor.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@KontorIntegrationTest
class ContactPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ContactDirectory contacts;

    @Test
    void listsThePracticesContactsInATableWithCounts() throws Exception {
        var practice = fixtures.newPractice();
        fixtures.organisation(practice, "Harbourside Dental", "billing@harbourside.example", "09 302 4455");
        fixtures.organisation(practice, "Tui & Fern Florists");

        var page = html(get("/contacts").with(fixtures.as(practice.memberEmail())));

        assertThat(page.select("table tbody tr")).hasSize(2);
        assertThat(page.select("table tbody tr").first().text())
                .contains("Harbourside Dental", "billing@harbourside.example", "+64 9 302 4455");
        assertThat(page.select(".count").text()).isEqualTo("Showing 1–2 of 2 contacts");
        assertThat(page.select("a[href=/contacts/new]").text()).isEqualTo("New contact");
    }

    @Test
    void searchesAndFiltersFromTheQueryString() throws Exception {
        var practice = fixtures.newPractice();
        fixtures.organisation(practice, "Harbourside Dental");
        fixtures.organisation(practice, "Tui & Fern Florists");

        var page = html(get("/contacts").param("q", "fern").with(fixtures.as(practice.adminEmail())));

        assertThat(page.select("table tbody tr")).hasSize(1);
        assertThat(page.select("table tbody tr a").text()).isEqualTo("Tui & Fern Florists");
        assertThat(page.select("#q").val()).isEqualTo("fern");
    }

    @Test
    void addsAContactFromTheNewContactForm() throws Exception {
        var practice = fixtures.newPractice();

        var result = mvc.perform(post("/contacts/new")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .param("kind", "ORGANISATION")
                        .param("name", "Kauri Coast Joinery Ltd")
                        .param("billingEmail", "accounts@kauri.example")
                        .param("primaryPhone", "09 439 1200")
                        .param("line1", "12 Hokianga Road")
                        .param("city", "Dargaville")
                        .param("country", "New Zealand")
                        .param("otherEmails[0].label", "Owner")
                        .param("otherEmails[0].value", "owner@kauri.example"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/contacts/*"))
                .andReturn();

        var id = result.getResponse().getRedirectedUrl().substring("/contacts/".length());
        var contact = contacts.get(
                practice.id(), app.kontor.shared.ContactId.parse(id).orElseThrow());
        assertThat(contact.name()).isEqualTo("Kauri Coast Joinery Ltd");
        assertThat(contact.billingEmail()).map(EmailAddress::address).hasValue("accounts@kauri.example");
        assertThat(contact.primaryPhone()).map(PhoneNumber::e164).hasValue("+6494391200");
        assertThat(contact.billingAddress()).map(PostalAddress::city).hasValue("Dargaville");
        assertThat(contact.emails()).extracting(EmailAddress::address).contains("owner@kauri.example");
    }

    @Test
    void showsInlineErrorsAndSavesNothingWhenTheFormIsInvalid() throws Exception {
        var practice = fixtures.newPractice();

        var page = html(post("/contacts/new")
                .with(fixtures.as(practice.memberEmail()))
                .with(csrf())
                .param("kind", "ORGANISATION")
                .param("name", "")
                .param("billingEmail", "not-an-email")
                .param("primaryPhone", "12"));

        assertThat(page.select("#name-error").text()).isEqualTo("Enter a name.");
        assertThat(page.select("#billingEmail-error").text())
                .isEqualTo("Enter an email address like name@example.com.");
        assertThat(page.select("#billingEmail").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#billingEmail").val()).isEqualTo("not-an-email");
        assertThat(page.select("#primaryPhone-error").text()).isNotBlank();
        assertThat(contacts.search(practice.id(), ContactSearch.firstPage()).totalItems())
                .isZero();
    }

    @Test
    void showsMarkupInFieldsAsText() throws Exception {
        var practice = fixtures.newPractice();
        var contact = fixtures.organisation(practice, "<img src=x onerror=alert(1)> & Co");

        var response = mvc.perform(get("/contacts/" + contact.id()).with(fixtures.as(practice.memberEmail())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(response).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt; &amp; Co");
    }

    @Test
    void theContactPageShowsDetailsAndTheXeroClientSection() throws Exception {
        var practice = fixtures.newPractice();
        var contact =
                fixtures.organisation(practice, "Harbourside Dental", "billing@harbourside.example", "09 302 4455");

        var page = html(get("/contacts/" + contact.id()).with(fixtures.as(practice.memberEmail())));

        assertThat(page.select("h1").text()).isEqualTo("Harbourside Dental");
        var section = page.selectFirst("section[aria-labelledby=xero-client-heading]");
        assertThat(section).isNotNull();
        assertThat(section.select("h2#xero-client-heading").text()).isEqualTo("Xero Client");
        assertThat(section.select("[aria-live=polite]").text()).isEqualTo("Not connected to Xero");
        assertThat(page.text()).contains("billing@harbourside.example", "Billing email", "Primary phone");
    }

    @Test
    void editsAContact() throws Exception {
        var practice = fixtures.newPractice();
        var contact = fixtures.organisation(practice, "Harbourside Dental");

        mvc.perform(post("/contacts/" + contact.id() + "/edit")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .param("kind", "ORGANISATION")
                        .param("name", "Harbourside Dental Group")
                        .param("version", "1"))
                .andExpect(redirectedUrl("/contacts/" + contact.id()));

        assertThat(contacts.get(practice.id(), contact.id()).name()).isEqualTo("Harbourside Dental Group");
    }

    @Test
    void aStaleEditKeepsTheUsersValuesAndSavesNothing() throws Exception {
        var practice = fixtures.newPractice();
        var contact = fixtures.organisation(practice, "Harbourside Dental");
        contacts.update(practice.id(), contact.id(), 1, Fixtures.organisationInput("Changed Elsewhere", null, null));

        var page = html(post("/contacts/" + contact.id() + "/edit")
                .with(fixtures.as(practice.memberEmail()))
                .with(csrf())
                .param("kind", "ORGANISATION")
                .param("name", "My Edit")
                .param("version", "1"));

        assertThat(page.select("[role=alert]").text()).contains("Someone else changed this contact");
        assertThat(page.select("#name").val()).isEqualTo("My Edit");
        assertThat(page.select("input[name=version]").val()).isEqualTo("2");
        assertThat(contacts.get(practice.id(), contact.id()).name()).isEqualTo("Changed Elsewhere");
    }

    @Test
    void archivesAndRestores() throws Exception {
        var practice = fixtures.newPractice();
        var contact = fixtures.organisation(practice, "Coastline Surf School");

        mvc.perform(post("/contacts/" + contact.id() + "/archive")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .param("version", "1"))
                .andExpect(redirectedUrl("/contacts/" + contact.id()));
        assertThat(contacts.get(practice.id(), contact.id()).archived()).isTrue();

        mvc.perform(post("/contacts/" + contact.id() + "/restore")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .param("version", "2"))
                .andExpect(redirectedUrl("/contacts/" + contact.id()));
        assertThat(contacts.get(practice.id(), contact.id()).archived()).isFalse();
    }

    @Test
    void makesAnotherEmailTheBillingEmail() throws Exception {
        var practice = fixtures.newPractice();
        var contact = contacts.create(
                practice.id(),
                new ContactInput(
                        "ORGANISATION",
                        "Acme",
                        null,
                        null,
                        null,
                        java.util.List.of(
                                new ContactInput.EmailInput("Billing", "old@acme.example", true),
                                new ContactInput.EmailInput("Accounts", "new@acme.example", false)),
                        null,
                        null));

        mvc.perform(post("/contacts/" + contact.id() + "/emails/1/main")
                        .with(fixtures.as(practice.memberEmail()))
                        .with(csrf())
                        .param("version", "1"))
                .andExpect(redirectedUrl("/contacts/" + contact.id()));

        assertThat(contacts.get(practice.id(), contact.id()).billingEmail())
                .map(EmailAddress::address)
                .hasValue("new@acme.example");
    }

    @Test
    void refusesAChangeWithoutACsrfToken() throws Exception {
        var practice = fixtures.newPractice();

        mvc.perform(post("/contacts/new")
                        .with(fixtures.as(practice.memberEmail()))
                        .param("kind", "ORGANISATION")
                        .param("name", "No Token Ltd"))
                .andExpect(status().isForbidden());

        assertThat(contacts.search(practice.id(), ContactSearch.firstPage()).totalItems())
                .isZero();
    }

    @Test
    void anUnknownContactShowsTheNotFoundPage() throws Exception {
        var practice = fixtures.newPractice();

        mvc.perform(get("/contacts/not-a-uuid").with(fixtures.as(practice.memberEmail())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/contacts/" + app.kontor.shared.ContactId.random()).with(fixtures.as(practice.memberEmail())))
                .andExpect(status().isNotFound());
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/contacts")).andExpect(redirectedUrl("/login"));
    }

    private Document html(MockHttpServletRequestBuilder request) throws Exception {
        var body = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(body);
    }
}
