package app.xerosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void stateSurvivesARestartWithTheSameDataFile() {
        Path file = dir.resolve("xero.json");
        XeroSimulatorSettings settings = XeroSimulatorSettings.defaults().withDataFile(file);
        UUID tenant;
        UUID contactId;
        String refreshToken;
        String accessToken;
        try (XeroSimulator first = XeroSimulator.start(settings)) {
            first.registerApp(XeroClient.CLIENT_ID, XeroClient.CLIENT_SECRET, List.of(XeroClient.REDIRECT_URI));
            first.configureWebhook("http://localhost:9999/webhooks/xero", "webhook-key");
            SimOrganisation org = first.organisations().create("Persistent Ltd");
            tenant = org.tenantId();
            contactId = org.contacts()
                    .create(ContactChanges.named("Kept Contact").withEmail("kept@example.com"))
                    .contactId();
            XeroClient.TokenSet tokens = new XeroClient(first).connect(tenant);
            refreshToken = tokens.refreshToken();
            accessToken = tokens.accessToken();
        }
        assertThat(file).exists();

        try (XeroSimulator second = XeroSimulator.start(settings)) {
            XeroClient client = new XeroClient(second);
            SimOrganisation org = second.organisations().get(tenant);
            assertThat(org.name()).isEqualTo("Persistent Ltd");
            assertThat(org.contacts().get(contactId).emailAddress()).isEqualTo("kept@example.com");
            assertThat(second.webhook())
                    .hasValueSatisfying(w -> assertThat(w.signingKey()).isEqualTo("webhook-key"));
            assertThat(client.api("GET", "/api.xro/2.0/Contacts/" + contactId, accessToken, tenant, null)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(client.refresh(refreshToken).status()).isEqualTo(200);
        }
    }

    @Test
    void changesAreSavedWithoutAnExplicitSave() throws Exception {
        Path file = dir.resolve("auto.json");
        try (XeroSimulator xero =
                XeroSimulator.start(XeroSimulatorSettings.defaults().withDataFile(file))) {
            xero.organisations().create("Autosaved Ltd");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!(Files.exists(file) && Files.readString(file).contains("Autosaved Ltd"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(file)).contains("Autosaved Ltd");
        }
    }

    @Test
    void demoOrganisationHasAboutSixtyRealisticContacts() {
        try (XeroSimulator xero = XeroSimulator.start()) {
            SimOrganisation demo = xero.organisations().createDemoOrganisation();
            List<SimContact> contacts = demo.contacts().list();

            assertThat(demo.name()).isEqualTo(Organisations.DEMO_ORGANISATION_NAME);
            assertThat(contacts).hasSizeBetween(55, 65);
            assertThat(contacts).anyMatch(c -> c.firstName() != null && c.lastName() != null);
            assertThat(contacts).anyMatch(c -> c.firstName() == null);
            assertThat(contacts).anyMatch(SimContact::customer).anyMatch(SimContact::supplier);
            assertThat(contacts).anyMatch(c -> c.status() == ContactStatus.ARCHIVED);
            assertThat(contacts).anyMatch(c -> c.name().equals("Zoë Ångström"));
            assertThat(contacts).anyMatch(c -> c.name().equals("Müller GmbH"));
            assertThat(contacts).anyMatch(c -> c.emailAddress() == null);
            assertThat(contacts).anyMatch(c -> c.phones().isEmpty());
            assertThat(contacts.stream().filter(c -> c.name().equals("Bluewater Plumbing Ltd")))
                    .extracting(SimContact::status)
                    .containsExactlyInAnyOrder(ContactStatus.ACTIVE, ContactStatus.ARCHIVED);
            assertThat(xero.organisations().createDemoOrganisation().tenantId()).isEqualTo(demo.tenantId());
        }
    }
}
