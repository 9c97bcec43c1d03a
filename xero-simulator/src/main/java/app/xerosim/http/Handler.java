package app.xerosim.http;

/** Answers one routed request. */
@FunctionalInterface
public interface Handler {
    SimResponse handle(SimRequest request);
}
