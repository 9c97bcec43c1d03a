package app.xerosim;

import java.time.Duration;

/** Something to do to a request instead of (or besides) answering it normally. See {@link Faults}. */
public sealed interface Fault {

    /** Answer with this status (500 or 503) without processing the request. */
    record Status(int status) implements Fault {}

    /** Answer 429 with {@code X-Rate-Limit-Problem} and {@code Retry-After}, without processing. */
    record RateLimited(String problem, int retryAfterSeconds) implements Fault {}

    /** Wait, then process and answer normally. */
    record Latency(Duration delay) implements Fault {}

    /** Process the request (its effect is kept), then close the connection without an answer. */
    record CommitThenDrop() implements Fault {}

    /** Close the connection without processing the request or answering. */
    record Drop() implements Fault {}

    /** Process the request (its effect is kept), send the headers and half the body, then close. */
    record CommitThenCut() implements Fault {}

    static Fault serverError() {
        return new Status(500);
    }

    static Fault serviceUnavailable() {
        return new Status(503);
    }

    static Fault rateLimited(String problem, int retryAfterSeconds) {
        return new RateLimited(problem, retryAfterSeconds);
    }

    static Fault latency(Duration delay) {
        return new Latency(delay);
    }

    static Fault commitThenDropResponse() {
        return new CommitThenDrop();
    }

    static Fault commitThenCutResponse() {
        return new CommitThenCut();
    }

    static Fault dropConnection() {
        return new Drop();
    }
}
