package app.xerosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SmokeIntegrationTests {

    @Test
    void connectsAndListsContactsOfTheDemoOrganisation() {
        XeroClient client = XeroClient.startWithApp();
        try (XeroSimulator xero = client.xero) {
            SimOrganisation org = xero.organisations().createDemoOrganisation();
            XeroClient.TokenSet tokens = client.connect(org.tenantId());
            assertThat(tokens.status()).isEqualTo(200);
            HttpResponse<String> response =
                    client.api("GET", "/api.xro/2.0/Contacts?page=1", tokens.accessToken(), org.tenantId(), null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(XeroClient.json(response).get("Contacts").size()).isGreaterThan(40);
        }
    }

    @Test
    void answersWithoutNaglesDelayUnlessTheJvmSaysOtherwise() {
        try (XeroSimulator xero = XeroSimulator.start()) {
            assertThat(xero.port()).isPositive();
            // Read once per JVM by the JDK's server; the simulator switches it on when nobody has set it.
            assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
        }
    }
}
