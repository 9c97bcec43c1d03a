package app.xerosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPagesIntegrationTests {

    private XeroClient client;
    private XeroSimulator xero;
    private SimOrganisation org;
    private SimContact contact;

    @BeforeAll
    void start() {
        client = XeroClient.startWithApp();
        xero = client.xero;
    }

    @AfterAll
    void stop() {
        xero.close();
    }

    @BeforeEach
    void organisation() {
        org = xero.organisations().create("Pages <Org> & Co");
        contact = org.contacts()
                .create(ContactChanges.named("Müller <script>alert(1)</script> GmbH")
                        .withEmail("info@mueller.example.de")
                        .withPhone(SimPhone.of("DEFAULT", "49", "30", "8812345"))
                        .withAddress(SimAddress.of("POBOX", "Friedrichstraße 120", "Berlin", "", "10117", "DE"))
                        .withAddress(SimAddress.of("STREET", "Hof 2", "Potsdam", "", "14467", "DE")));
    }

    @Test
    void classicDeepLinkLeadsToTheContactPage() {
        HttpResponse<String> link = client.get("/organisationlogin/default.aspx?shortcode="
                + XeroClient.enc(org.shortCode()) + "&redirecturl=/Contacts/View/" + contact.contactId());

        assertThat(link.statusCode()).isEqualTo(302);
        String location = link.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/contacts/contact/" + contact.contactId());
        assertThat(client.get(location).statusCode()).isEqualTo(200);
        assertThat(org.contactDeepLink(contact.contactId()))
                .startsWith(xero.baseUrl() + "/organisationlogin/default.aspx?shortcode=");
    }

    @Test
    void newDeepLinkShowsNameEmailPhonesAddressesAndStatusEscaped() {
        HttpResponse<String> page = client.get("/app/" + org.shortCode() + "/contacts/contact/" + contact.contactId());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Müller &lt;script&gt;alert(1)&lt;/script&gt; GmbH")
                .doesNotContain("<script>")
                .contains("info@mueller.example.de")
                .contains("49 30 8812345")
                .contains("Friedrichstraße 120")
                .contains("Hof 2")
                .contains("ACTIVE")
                .contains("Pages &lt;Org&gt; &amp; Co");
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void contactListPageListsTheOrganisationsContacts() {
        org.contacts().create(ContactChanges.named("Second Contact"));

        HttpResponse<String> page = client.get("/app/" + org.shortCode() + "/contacts");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<table").contains("Second Contact").contains("Müller &lt;script&gt;");
    }

    @Test
    void editingAContactChangesItAndBumpsItsUpdatedDate() {
        xero.clock().advance(Duration.ofMinutes(3));

        HttpResponse<String> response = post(
                "/edit",
                "Name=Renamed+GmbH&EmailAddress=new%40example.de&PhoneCountryCode=49&PhoneAreaCode=30"
                        + "&PhoneNumber=1111&AddressLine1=Neue+Str.+1&City=Berlin&PostalCode=10115&Country=DE");

        assertThat(response.statusCode()).isEqualTo(303);
        SimContact after = org.contacts().get(contact.contactId());
        assertThat(after.name()).isEqualTo("Renamed GmbH");
        assertThat(after.emailAddress()).isEqualTo("new@example.de");
        assertThat(after.phone("DEFAULT").number()).isEqualTo("1111");
        assertThat(after.address("POBOX").line1()).isEqualTo("Neue Str. 1");
        assertThat(after.updatedDateUtc()).isAfter(contact.updatedDateUtc().plus(Duration.ofMinutes(2)));
    }

    @Test
    void editingToATakenNameShowsXerosMessage() {
        org.contacts().create(ContactChanges.named("Taken Name"));

        HttpResponse<String> response = post("/edit", "Name=Taken+Name");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The contact name Taken Name is already assigned to another contact.");
    }

    @Test
    void archivingAndMergingFromThePage() {
        SimContact survivor = org.contacts().create(ContactChanges.named("Survivor Ltd"));
        SimContact other = org.contacts().create(ContactChanges.named("Archive Candidate"));

        post("/merge", "into=" + survivor.contactId());
        HttpResponse<String> archived = client.send(HttpRequest.newBuilder(URI.create(xero.baseUrl() + "/app/"
                        + org.shortCode() + "/contacts/contact/" + other.contactId() + "/archive"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        SimContact merged = org.contacts().get(contact.contactId());
        assertThat(merged.mergedToContactId()).isEqualTo(survivor.contactId());
        assertThat(merged.status()).isEqualTo(ContactStatus.ARCHIVED);
        assertThat(archived.statusCode()).isEqualTo(303);
        assertThat(org.contacts().get(other.contactId()).status()).isEqualTo(ContactStatus.ARCHIVED);
    }

    @Test
    void markingAsSupplierFromThePageKeepsUpdatedDate() {
        xero.clock().advance(Duration.ofMinutes(1));

        post("/supplier", "");

        SimContact after = org.contacts().get(contact.contactId());
        assertThat(after.supplier()).isTrue();
        assertThat(after.updatedDateUtc()).isEqualTo(contact.updatedDateUtc());
    }

    @Test
    void unknownShortCodeOrContactIsNotFound() {
        assertThat(client.get("/app/!nope1/contacts").statusCode()).isEqualTo(404);
        assertThat(client.get("/app/" + org.shortCode() + "/contacts/contact/" + java.util.UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> post(String action, String form) {
        return client.send(HttpRequest.newBuilder(URI.create(xero.baseUrl() + "/app/" + org.shortCode()
                        + "/contacts/contact/" + contact.contactId() + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }
}
