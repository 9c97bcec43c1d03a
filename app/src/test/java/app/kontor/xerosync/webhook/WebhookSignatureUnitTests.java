package app.kontor.xerosync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import app.xerosim.webhooks.WebhookSender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureUnitTests {

    private static final String KEY = "Zm9vYmFy/ä-key";
    private static final String BODY = "{\"events\":[],\"entropy\":\"Ünïcödé\"}";

    @Test
    void acceptsWhatTheSimulatorSignsWithTheKeysUtf8Bytes() {
        var signature = WebhookSender.sign(KEY, BODY);

        assertThat(WebhookSignature.matches(KEY, BODY.getBytes(StandardCharsets.UTF_8), signature))
                .isTrue();
        assertThat(WebhookSignature.sign(KEY, BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(signature);
    }

    @Test
    void refusesAnotherKeyAnotherBodyAndGarbage() {
        var body = BODY.getBytes(StandardCharsets.UTF_8);
        var signature = WebhookSender.sign(KEY, BODY);

        assertThat(WebhookSignature.matches("other", body, signature)).isFalse();
        assertThat(WebhookSignature.matches(KEY, (BODY + "\n").getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(WebhookSignature.matches(KEY, body, signature.substring(0, 20)))
                .isFalse();
        assertThat(WebhookSignature.matches(KEY, body, "%%%")).isFalse();
        assertThat(WebhookSignature.matches(KEY, body, "")).isFalse();
        assertThat(WebhookSignature.matches(KEY, body, null)).isFalse();
    }

    @Test
    void dedupeKeyIgnoresCaseAndSpacingButNotTimeOrType() {
        var event = new WebhookBatch.Event(
                "url",
                "AB5A4C9E-0000-4000-8000-000000000001",
                "2026-11-26T04:00:00.100",
                "UPDATE",
                "CONTACT",
                "C2CC9B6E-0000-4000-8000-000000000002",
                "ORGANISATION");
        var same = new WebhookBatch.Event(
                "other url",
                " ab5a4c9e-0000-4000-8000-000000000001",
                "2026-11-26T04:00:00.100 ",
                "update",
                "contact",
                "c2cc9b6e-0000-4000-8000-000000000002",
                null);
        var later = new WebhookBatch.Event(
                "url",
                "ab5a4c9e-0000-4000-8000-000000000001",
                "2026-11-26T04:00:00.101",
                "UPDATE",
                "CONTACT",
                "c2cc9b6e-0000-4000-8000-000000000002",
                "ORGANISATION");
        var created = new WebhookBatch.Event(
                "url",
                "ab5a4c9e-0000-4000-8000-000000000001",
                "2026-11-26T04:00:00.100",
                "CREATE",
                "CONTACT",
                "c2cc9b6e-0000-4000-8000-000000000002",
                "ORGANISATION");

        assertThat(WebhookInbox.dedupeKey(event)).hasSize(64).isEqualTo(WebhookInbox.dedupeKey(same));
        assertThat(WebhookInbox.dedupeKey(later)).isNotEqualTo(WebhookInbox.dedupeKey(event));
        assertThat(WebhookInbox.dedupeKey(created)).isNotEqualTo(WebhookInbox.dedupeKey(event));
    }
}
