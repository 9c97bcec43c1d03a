package app.kontor.xerolink;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a contact's Xero history, e.g. "Created in Xero" by whom and when, with what was sent
 * to Xero and what it answered (empty when nothing was sent).
 */
public record LinkEvent(
        Instant at,
        String event,
        String detail,
        String actor,
        @Nullable String sent,
        @Nullable String answer) {

    public LinkEvent(Instant at, String event, String detail, String actor) {
        this(at, event, detail, actor, null, null);
    }
}
