package app.xerosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MainIntegrationTests {

    @Test
    void generatesAnOrganisationWithLimitsOffAndPrintsATokenThatReadsIt() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Main.Options options = Main.parse(new String[] {
            "--port",
            "0",
            "--generate",
            "2500",
            "--seed",
            "3",
            "--rate-limits",
            "off",
            "--access-token-lifetime",
            "7200",
            "--print-test-token"
        });
        try (XeroSimulator xero = Main.start(options, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            Map<String, String> values = values(printed.toString(StandardCharsets.UTF_8));
            assertThat(values.get("XEROSIM_BASE_URL")).isEqualTo(xero.baseUrl());
            assertThat(values.get("XEROSIM_TOKEN_EXPIRES_IN")).isEqualTo("7200");
            UUID tenant = UUID.fromString(values.get("XEROSIM_TENANT_ID"));
            assertThat(xero.organisations().get(tenant).name()).isEqualTo(Main.GENERATED_ORGANISATION_NAME);
            assertThat(xero.organisations().get(tenant).contacts().count()).isEqualTo(2500);
            assertThat(xero.rateLimits()).isEqualTo(RateLimits.off());

            XeroClient client = new XeroClient(xero);
            String token = values.get("XEROSIM_ACCESS_TOKEN");
            // Limits off: far more than 60 calls in the minute, none refused.
            for (int i = 0; i < 70; i++) {
                HttpResponse<String> response =
                        client.api("GET", "/api.xro/2.0/Contacts?page=3&pageSize=1000", token, tenant, null);
                assertThat(response.statusCode()).isEqualTo(200);
                if (i == 0) {
                    JsonNode body = XeroClient.json(response);
                    assertThat(body.get("pagination").get("itemCount").asInt()).isEqualTo(2500);
                    assertThat(body.get("Contacts")).hasSize(500);
                    assertThat(body.get("ProviderName").asString()).isEqualTo("Xero simulator test token");
                }
            }
        }
    }

    @Test
    void sameSeedGeneratesTheSameContacts() {
        String[] args = {"--port", "0", "--generate", "50", "--seed", "9"};
        try (XeroSimulator one = Main.start(Main.parse(args), quiet());
                XeroSimulator two = Main.start(Main.parse(args), quiet())) {
            SimOrganisation a = one.organisations()
                    .findByName(Main.GENERATED_ORGANISATION_NAME)
                    .orElseThrow();
            SimOrganisation b = two.organisations()
                    .findByName(Main.GENERATED_ORGANISATION_NAME)
                    .orElseThrow();
            assertThat(a.contacts().list().stream().map(SimContact::contactId).toList())
                    .isEqualTo(b.contacts().list().stream()
                            .map(SimContact::contactId)
                            .toList());
            assertThat(one.rateLimits()).isEqualTo(RateLimits.xero());
        }
    }

    @Test
    void refusesUnknownOrIncompleteOptions() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--generate"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--generate needs a value");
        assertThatThrownBy(() -> Main.parse(new String[] {"--generate", "many"}))
                .hasMessageContaining("--generate needs a number");
        assertThatThrownBy(() -> Main.parse(new String[] {"--rate-limits", "sometimes"}))
                .hasMessageContaining("--rate-limits is off or xero");
        assertThatThrownBy(() -> Main.parse(new String[] {"--bogus"})).hasMessageContaining("Unknown option --bogus");
        assertThat(Main.parse(new String[] {"--help"}).help()).isTrue();
        assertThat(Main.parse(new String[] {"--access-token-lifetime", "60"})
                        .settings()
                        .accessTokenLifetime())
                .isEqualTo(Duration.ofSeconds(60));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static Map<String, String> values(String printed) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : printed.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("XEROSIM_") && eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return values;
    }
}
