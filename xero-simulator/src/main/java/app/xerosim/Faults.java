package app.xerosim;

import app.xerosim.http.DeferredLatency;
import app.xerosim.http.Handler;
import app.xerosim.http.SimHttpServer;
import app.xerosim.http.SimRequest;
import app.xerosim.http.SimResponse;
import app.xerosim.http.XeroErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Faults for the next N matching calls, for tests of retries and ambiguous failures:
 * {@code faults().next(1, "PUT", "/api.xro/2.0/Contacts", Fault.commitThenDropResponse())}. Rules apply in
 * the order added; each is used up after its count.
 */
public final class Faults {

    /**
     * A pending rule. {@code method} {@code null} matches any method; a path ending in {@code *} is a prefix;
     * {@code tenantId} {@code null} matches any organisation, otherwise only calls carrying that
     * {@code xero-tenant-id} (so a test's fault is not used up by another organisation's background calls).
     */
    public record Rule(
            @Nullable String method, String path, @Nullable String tenantId, Fault fault, int remaining) {

        boolean matches(SimRequest request) {
            if (method != null && !method.equalsIgnoreCase(request.method())) {
                return false;
            }
            if (tenantId != null && !tenantId.equalsIgnoreCase(String.valueOf(request.header("xero-tenant-id")))) {
                return false;
            }
            String wanted = path.toLowerCase(Locale.ROOT);
            String actual = request.path().toLowerCase(Locale.ROOT);
            return wanted.endsWith("*")
                    ? actual.startsWith(wanted.substring(0, wanted.length() - 1))
                    : actual.equals(wanted);
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    Faults() {}

    /** Applies {@code fault} to the next {@code times} requests matching {@code method} and {@code path}. */
    public void next(int times, @Nullable String method, String path, Fault fault) {
        add(new Rule(method, path, null, fault, times));
    }

    /** As {@link #next}, but only for calls made for the organisation {@code tenantId}. */
    public void nextFor(String tenantId, int times, @Nullable String method, String path, Fault fault) {
        add(new Rule(method, path, tenantId, fault, times));
    }

    private synchronized void add(Rule rule) {
        if (rule.remaining() < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        rules.add(rule);
    }

    public synchronized List<Rule> pending() {
        return List.copyOf(rules);
    }

    public synchronized void clear() {
        rules.clear();
    }

    private synchronized @Nullable Fault take(SimRequest request) {
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.matches(request)) {
                if (rule.remaining() <= 1) {
                    rules.remove(i);
                } else {
                    rules.set(
                            i,
                            new Rule(rule.method(), rule.path(), rule.tenantId(), rule.fault(), rule.remaining() - 1));
                }
                return rule.fault();
            }
        }
        return null;
    }

    @Nullable
    SimResponse intercept(SimRequest request, Handler next) {
        Fault fault = take(request);
        if (fault == null) {
            return null;
        }
        return switch (fault) {
            case Fault.Status s
            when s.status() == 503 ->
                SimResponse.text(503, "The Xero API is currently unavailable (simulated outage).");
            case Fault.Status s ->
                s.status() == 500
                        ? XeroErrors.internalError()
                        : XeroErrors.problem(s.status(), "Simulated fault", "Simulated fault " + s.status());
            case Fault.RateLimited r ->
                XeroErrors.problem(429, "Too Many Requests", "Rate limit exceeded")
                        .withHeader("X-Rate-Limit-Problem", r.problem())
                        .withHeader("Retry-After", Integer.toString(r.retryAfterSeconds()));
            case Fault.Latency l -> {
                // Applied while the request counts as in progress (see DeferredLatency).
                DeferredLatency.request(l.delay());
                yield null;
            }
            case Fault.CommitThenDrop c -> {
                next.handle(request);
                throw new SimHttpServer.DroppedResponse();
            }
            case Fault.CommitThenCut c -> throw new SimHttpServer.DroppedResponse(next.handle(request));
            case Fault.Drop d -> throw new SimHttpServer.DroppedResponse();
        };
    }
}
