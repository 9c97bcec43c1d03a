package app.xerosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContactGeneratorIntegrationTests {

    @Test
    void sameSeedGivesTheSameContacts() {
        try (XeroSimulator one = XeroSimulator.start();
                XeroSimulator two = XeroSimulator.start()) {
            SimOrganisation a = one.organisations().create("A");
            SimOrganisation b = two.organisations().create("B");

            List<UUID> first = a.contacts().generate(200, 7L);
            List<UUID> second = b.contacts().generate(200, 7L);

            assertThat(first).hasSize(200).doesNotHaveDuplicates().isEqualTo(second);
            assertThat(a.contacts().get(first.get(17)).name())
                    .isEqualTo(b.contacts().get(second.get(17)).name());
            assertThat(a.contacts().get(first.get(17)).emailAddress())
                    .isEqualTo(b.contacts().get(second.get(17)).emailAddress());
        }
    }

    @Test
    void thousandsSharingOneSecondArePagedInAscendingOrderAndFoundByTheSecondBefore() {
        XeroClient client = XeroClient.startWithApp();
        try (XeroSimulator xero = client.xero) {
            TenantSession session = TenantSession.connect(client, "Crowded Ltd");
            Instant second = Instant.parse("2026-02-01T12:00:00Z");
            session.org().contacts().generate(2500, 42L, second);

            int seen = 0;
            String previous = "";
            for (int page = 1; page <= 3; page++) {
                JsonNode body = XeroClient.json(session.get(
                        "/Contacts?page=" + page + "&pageSize=1000&includeArchived=true&order="
                                + XeroClient.enc("UpdatedDateUTC ASC"),
                        Map.of("If-Modified-Since", "2026-02-01T11:59:59")));
                for (JsonNode contact : body.get("Contacts")) {
                    String updated = contact.get("UpdatedDateUTC").stringValue();
                    assertThat(updated.compareTo(previous)).isGreaterThanOrEqualTo(0);
                    previous = updated;
                    seen++;
                }
            }

            assertThat(seen).isEqualTo(2500);
        }
    }
}
