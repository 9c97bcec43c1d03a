package app.xerosim.accounting;

import app.xerosim.http.SimResponse;
import app.xerosim.http.XeroErrors;
import app.xerosim.identity.Simulation;
import app.xerosim.state.IdempotentResponse;
import app.xerosim.state.SimState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;

/**
 * Xero's {@code Idempotency-Key} on PUT and POST. Xero documents only the 128-character limit; the rest
 * are the simulator's choices (README): keys are scoped per app and organisation; a repeat of the same
 * request (method, path, query and body) within the retention replays the first response without a second
 * effect; the same key on a different request is refused with 409; 5xx answers are not remembered.
 *
 * <p>The check, the operation and the record happen under the state lock, so two concurrent requests with
 * one key cannot both take effect.
 */
final class Idempotency {

    static final int MAX_KEY_LENGTH = 128;
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final Simulation sim;
    private final SimState state;

    Idempotency(Simulation sim) {
        this.sim = sim;
        this.state = sim.state();
    }

    SimResponse run(AccountingEndpoints.Access access, Function<AccountingEndpoints.Access, SimResponse> operation) {
        String key = access.request().header("Idempotency-Key");
        if (key == null) {
            return state.write(() -> operation.apply(access));
        }
        if (key.isEmpty()) {
            return problem(400, "The Idempotency-Key header is empty.");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return problem(400, "The Idempotency-Key header must be at most " + MAX_KEY_LENGTH + " characters.");
        }
        String scope = access.clientId() + "|" + access.tenantId() + "|" + key;
        String fingerprint = fingerprint(access);
        return state.write(() -> {
            Instant now = sim.clock().instant();
            state.idempotency()
                    .values()
                    .removeIf(
                            r -> !now.isBefore(r.storedAt().plus(sim.settings().idempotencyRetention())));
            IdempotentResponse previous = state.idempotency().get(scope);
            if (previous != null) {
                if (!previous.fingerprint().equals(fingerprint)) {
                    return problem(409, "The Idempotency-Key " + key + " was already used for a different request.");
                }
                return SimResponse.of(previous.status(), previous.contentType(), previous.body())
                        .withHeader(REPLAYED_HEADER, "true");
            }
            SimResponse response = operation.apply(access);
            if (response.status() < 500) {
                String type = response.headers().getOrDefault("Content-Type", SimResponse.JSON);
                state.idempotency()
                        .put(
                                scope,
                                new IdempotentResponse(
                                        scope, fingerprint, response.status(), type, response.body(), now));
            }
            return response;
        });
    }

    private static String fingerprint(AccountingEndpoints.Access access) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            var request = access.request();
            digest.update((request.method() + " " + request.path().toLowerCase(Locale.ROOT) + "?"
                            + (request.rawQuery() == null ? "" : request.rawQuery()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(request.body());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SimResponse problem(int status, String detail) {
        return XeroErrors.problem(status, status == 409 ? "Conflict" : "Bad Request", detail);
    }
}
