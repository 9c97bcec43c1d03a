package app.xerosim;

import java.time.Instant;

/**
 * One POST the simulator made to the webhook URL.
 *
 * @param intentToReceive whether this was part of the intent-to-receive sequence
 * @param correctlySigned whether {@code x-xero-signature} was made with the subscription's key (intent to
 *     receive also sends wrongly signed payloads, which must be answered 401)
 * @param status the receiver's status code, or 0 when it did not answer in time
 * @param acceptable whether the answer met Xero's rules: 200 with an empty body and no cookie for a
 *     correctly signed payload, 401 for a wrongly signed one
 */
public record WebhookDelivery(
        Instant at,
        String url,
        String body,
        String signature,
        boolean intentToReceive,
        boolean correctlySigned,
        int attempt,
        int status,
        boolean acceptable) {}
