package app.xerosim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request the simulator answered. {@code Authorization} headers and the bodies of the token and
 * revocation endpoints are redacted, so a log can be printed in a test failure without leaking secrets.
 *
 * @param query the raw (still URL-encoded) query string, or {@code null}
 * @param headers request headers by lower-case name
 * @param body the request body as UTF-8 text (cut at 64 KiB), or {@value #REDACTED}
 */
public record LoggedRequest(
        Instant at,
        String method,
        String path,
        @Nullable String query,
        Map<String, List<String>> headers,
        String body,
        int status) {

    public static final String REDACTED = "[redacted]";

    public LoggedRequest {
        headers = Map.copyOf(headers);
    }

    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public @Nullable String idempotencyKey() {
        return header("Idempotency-Key");
    }
}
