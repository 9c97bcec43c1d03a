package app.kontor.xerosync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kontor.Fixtures;
import app.kontor.KontorIntegrationTest;
import app.kontor.shared.PracticeId;
import app.kontor.xero.XeroContactReader;
import app.kontor.xero.XeroContactSnapshot;
import app.kontor.xerosync.internal.XeroContactRows.StoredXeroContact;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The copy of a Xero contact as last applied to Kontor, which a later change is compared with so that
 * only the fields Xero changed replace Kontor's, stays exact although an applied row keeps one copy of
 * its JSON rather than two.
 */
@KontorIntegrationTest
class XeroContactRowsIntegrationTests {

    @Autowired
    XeroContactRows rows;

    @Autowired
    Fixtures fixtures;

    private final UUID tenant = UUID.randomUUID();
    private final UUID contactId = UUID.randomUUID();

    @Test
    void theContactAsLastAppliedSurvivesLaterReadsUntilTheyAreApplied() {
        var practice = fixtures.newPractice().id();
        var first = version(1, "first@example.com");

        var stored = rows.store(practice, tenant, List.of(first), Instant.now(), contact -> true);

        assertThat(stored.changed()).isEqualTo(1);
        assertThat(stored.appliedAtOnce()).singleElement().satisfies(read -> {
            assertThat(read.snapshot()).isEqualTo(first);
            assertThat(read.stored().rawJson()).isEqualTo(first.rawJson());
            assertThat(read.stored().appliedJson()).as("never applied before").isNull();
        });
        assertThat(rows.pendingCount(tenant)).isZero();
        assertThat(appliedJson(practice)).isEqualTo(first.rawJson());

        // Two later reads, not applied yet: the copy as applied is still the first.
        var second = version(2, "second@example.com");
        var third = version(3, "third@example.com");
        assertThat(rows.store(practice, tenant, List.of(second), Instant.now())).isEqualTo(1);
        assertThat(rows.store(practice, tenant, List.of(third), Instant.now())).isEqualTo(1);
        assertThat(rows.pendingAmong(tenant, List.of(contactId)))
                .singleElement()
                .satisfies(pending -> {
                    assertThat(pending.rawJson()).isEqualTo(third.rawJson());
                    assertThat(pending.appliedJson()).isEqualTo(first.rawJson());
                });

        rows.applied(tenant, List.of(contactId));
        assertThat(appliedJson(practice)).isEqualTo(third.rawJson());

        // Matched again from scratch (a new import): compared with what was applied last.
        rows.markAllPending(tenant);
        assertThat(rows.pending(tenant, 10))
                .singleElement()
                .extracting(StoredXeroContact::appliedJson)
                .isEqualTo(third.rawJson());
    }

    @Test
    void aChangeAppliedAtOnceIsComparedWithThePreviousOneAndThenBecomesTheLastApplied() {
        var practice = fixtures.newPractice().id();
        var first = version(1, "first@example.com");
        rows.store(practice, tenant, List.of(first), Instant.now(), contact -> true);
        var second = version(2, "second@example.com");

        var stored = rows.store(practice, tenant, List.of(second, first), Instant.now(), contact -> true);

        assertThat(stored.appliedAtOnce())
                .singleElement()
                .satisfies(read -> assertThat(read.stored().appliedJson()).isEqualTo(first.rawJson()));
        assertThat(appliedJson(practice)).isEqualTo(second.rawJson());
        assertThat(rows.pendingCount(tenant)).isZero();
        // Read again unchanged: nothing new.
        assertThat(rows.store(practice, tenant, List.of(second), Instant.now())).isZero();
    }

    private String appliedJson(PracticeId practice) {
        return rows.find(practice, tenant, contactId).orElseThrow().appliedJson();
    }

    private XeroContactSnapshot version(int second, String email) {
        var json = """
                {"ContactID":"%s","Name":"Version Test Ltd","EmailAddress":"%s","ContactStatus":"ACTIVE",
                 "IsCustomer":true,"UpdatedDateUTC":"/Date(%d+0000)/"}""".formatted(contactId, email, 1_700_000_000_000L + second * 1_000L);
        return XeroContactReader.one(json).orElseThrow();
    }
}
