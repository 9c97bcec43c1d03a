package app.kontor.xerolink;

import java.time.Instant;

/** One line of a link's history, e.g. "Created in Xero" by whom and when. */
public record LinkEvent(Instant at, String event, String detail, String actor) {}
