package app.xerosim;

import app.xerosim.http.Json;
import app.xerosim.http.Router;
import app.xerosim.http.SimRequest;
import app.xerosim.http.SimResponse;
import java.time.Duration;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's own control API under {@value #PREFIX}, for tests that cannot reach the Java API (a
 * browser test against a packaged app, a benchmark against the standalone jar). It is not part of Xero.
 */
final class AdminEndpoints {

    static final String PREFIX = "/_xerosim";

    private final XeroSimulator simulator;

    AdminEndpoints(XeroSimulator simulator) {
        this.simulator = simulator;
    }

    void register(Router router) {
        router.add("GET", PREFIX + "/faults", r -> faults())
                .add("POST", PREFIX + "/faults", this::addFault)
                .add("DELETE", PREFIX + "/faults", r -> {
                    simulator.faults().clear();
                    return SimResponse.empty(204);
                })
                .add("GET", PREFIX + "/requests", r -> requests())
                .add("DELETE", PREFIX + "/requests", r -> {
                    simulator.requestLog().clear();
                    return SimResponse.empty(204);
                })
                .add("POST", PREFIX + "/clock/advance", this::advance)
                .add("GET", PREFIX + "/webhook", r -> webhook());
    }

    /**
     * {@code {"times":1,"method":"PUT","path":"/api.xro/2.0/Contacts","fault":"commitThenDrop"}} (optional
     * {@code "tenantId"} limits it to one organisation's calls); faults:
     * {@code status} (with {@code status}), {@code rateLimited} (with {@code problem},
     * {@code retryAfterSeconds}), {@code latency} (with {@code millis}), {@code commitThenDrop}, {@code drop}.
     */
    private SimResponse addFault(SimRequest request) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.body());
        } catch (JacksonException e) {
            return SimResponse.text(400, "Expected a JSON object");
        }
        if (body == null || !body.isObject() || !body.hasNonNull("path") || !body.hasNonNull("fault")) {
            return SimResponse.text(
                    400, "Expected {\"times\":1,\"method\":\"PUT\",\"path\":\"...\",\"fault\":\"...\"}");
        }
        Fault fault = switch (body.get("fault").asString().toLowerCase(Locale.ROOT)) {
            case "status" -> new Fault.Status(body.path("status").asInt(500));
            case "ratelimited" ->
                new Fault.RateLimited(
                        body.path("problem").asString("minute"),
                        body.path("retryAfterSeconds").asInt(60));
            case "latency" ->
                new Fault.Latency(Duration.ofMillis(body.path("millis").asLong(1000)));
            case "committhendrop" -> new Fault.CommitThenDrop();
            case "committhencut" -> new Fault.CommitThenCut();
            case "drop" -> new Fault.Drop();
            default -> null;
        };
        if (fault == null) {
            return SimResponse.text(400, "Unknown fault " + body.get("fault").asString());
        }
        String method = body.hasNonNull("method") ? body.get("method").asString() : null;
        String tenantId = body.hasNonNull("tenantId") ? body.get("tenantId").asString() : null;
        int times = Math.max(1, body.path("times").asInt(1));
        String path = body.get("path").asString();
        if (tenantId == null) {
            simulator.faults().next(times, method, path, fault);
        } else {
            simulator.faults().nextFor(tenantId, times, method, path, fault);
        }
        return SimResponse.empty(204);
    }

    private SimResponse faults() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Faults.Rule rule : simulator.faults().pending()) {
            ObjectNode node = list.addObject();
            node.put("method", rule.method());
            node.put("path", rule.path());
            node.put("tenantId", rule.tenantId());
            node.put("fault", rule.fault().toString());
            node.put("remaining", rule.remaining());
        }
        return SimResponse.json(200, list);
    }

    private SimResponse requests() {
        return SimResponse.json(200, simulator.requestLog().entries());
    }

    private SimResponse advance(SimRequest request) {
        String seconds = request.param("seconds");
        try {
            simulator.clock().advance(Duration.ofSeconds(Long.parseLong(seconds == null ? "" : seconds)));
        } catch (NumberFormatException e) {
            return SimResponse.text(400, "Expected ?seconds=N");
        }
        ObjectNode body = Json.object();
        body.put("now", simulator.clock().instant().toString());
        return SimResponse.json(200, body);
    }

    private SimResponse webhook() {
        ObjectNode body = Json.object();
        body.put("status", simulator.webhookStatus().name());
        body.put("deliveries", simulator.webhookDeliveries().size());
        simulator.webhook().ifPresent(w -> body.put("url", w.url()));
        return SimResponse.json(200, body);
    }
}
