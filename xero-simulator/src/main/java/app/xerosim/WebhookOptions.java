package app.xerosim;

import java.time.Duration;

/**
 * Misbehaviour Xero's webhooks are allowed (XERO-CONTRACT §5: no ordering or duplicate guarantees), to
 * switch on at run time so receivers prove they cope.
 *
 * @param extraDelay added before each batch is sent
 * @param duplicateBatches send every batch twice, byte for byte
 * @param reverseEvents put each batch's events in reverse order (newest first)
 */
public record WebhookOptions(Duration extraDelay, boolean duplicateBatches, boolean reverseEvents) {

    public static WebhookOptions none() {
        return new WebhookOptions(Duration.ZERO, false, false);
    }

    public WebhookOptions withExtraDelay(Duration value) {
        return new WebhookOptions(value, duplicateBatches, reverseEvents);
    }

    public WebhookOptions withDuplicateBatches(boolean value) {
        return new WebhookOptions(extraDelay, value, reverseEvents);
    }

    public WebhookOptions withReverseEvents(boolean value) {
        return new WebhookOptions(extraDelay, duplicateBatches, value);
    }
}
