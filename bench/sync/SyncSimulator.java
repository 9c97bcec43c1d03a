/*
 * The Xero simulator for the sync benchmark, in its own JVM: the simulator's standalone jar on the class path
 * and this single file run through its public Java API (XeroSimulator.start, SimContacts.generate/update,
 * configureWebhook, requestLog), because the standalone Main has no way to spread generated contacts over
 * distinct UpdatedDateUTC seconds, to configure a webhook or to change contacts while it runs:
 *
 *   java -cp xero-simulator-*-standalone.jar SyncSimulator.java --port N --control-port M --contacts N
 *        [--per-second K] [--rate-limits off|xero] --client-id ID --client-secret S --redirect-uri URI...
 *
 * Organisation "Sync Bench Ltd": --contacts generated contacts (SimContacts.generate, seed 1), all marked as
 * customers (Kontor's default import filter takes customers; marking leaves UpdatedDateUTC alone). With
 * --per-second K > 0 each contact is then given its own UpdatedDateUTC: the simulator clock is set to a past
 * instant and the contact's ContactNumber set ("SB000001"...), K contacts per second (1 = every contact in a
 * second of its own), in id order; the clock is reset afterwards. With --per-second 0 they keep the generator's
 * timestamps (the same instant: all 100,000 in one second).
 *
 * Control (plain HTTP on --control-port, for Sync.java): GET /stats (GET /Contacts calls made by apps, i.e.
 * other than this file; 429s; per page sizes), POST /webhook?url=&key= (configureWebhook, waits for ACTIVE),
 * GET /webhook, GET /sample?n= (n contact ids and names, spread over the organisation), POST /rename?id=&name=
 * (SimContacts.update with the new name: bumps UpdatedDateUTC and raises a webhook event), DELETE /requests.
 */

import app.xerosim.ContactChanges;
import app.xerosim.LoggedRequest;
import app.xerosim.RateLimits;
import app.xerosim.SimContact;
import app.xerosim.SimOrganisation;
import app.xerosim.WebhookStatus;
import app.xerosim.XeroSimulator;
import app.xerosim.XeroSimulatorSettings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

public class SyncSimulator {

    static final String ORGANISATION = "Sync Bench Ltd";
    static final String CONTACTS = "/api.xro/2.0/Contacts";

    public static void main(String[] args) throws Exception {
        int port = 0;
        int controlPort = 0;
        int contacts = 100_000;
        int perSecond = 1;
        boolean limits = false;
        String clientId = null;
        String clientSecret = null;
        List<String> redirectUris = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--control-port" -> controlPort = Integer.parseInt(args[++i]);
                case "--contacts" -> contacts = Integer.parseInt(args[++i]);
                case "--per-second" -> perSecond = Integer.parseInt(args[++i]);
                case "--rate-limits" -> limits = args[++i].equalsIgnoreCase("xero");
                case "--client-id" -> clientId = args[++i];
                case "--client-secret" -> clientSecret = args[++i];
                case "--redirect-uri" -> redirectUris.add(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        // No data file: nothing is saved (100,000 contacts would be written out within 200 ms of every change).
        XeroSimulator simulator = XeroSimulator.start(XeroSimulatorSettings.defaults()
                .withPort(port)
                .withRequestLogCapacity(200_000)
                .withRateLimits(limits ? RateLimits.xero() : RateLimits.off()));
        SimOrganisation org = simulator.organisations().create(ORGANISATION);
        long started = System.nanoTime();
        Instant first = simulator.clock().instant().truncatedTo(ChronoUnit.SECONDS)
                .minusSeconds(perSecond > 0 ? contacts / perSecond + 120L : 0);
        if (perSecond > 0) {
            // Generated before the seconds they are spread over: a change never moves UpdatedDateUTC back.
            simulator.clock().set(first.minusSeconds(3600));
        }
        List<UUID> ids = org.contacts().generate(contacts, 1);
        ids.forEach(id -> org.contacts().markAsCustomer(id));
        if (perSecond > 0) {
            for (int i = 0; i < ids.size(); i++) {
                simulator.clock().set(first.plusSeconds(i / perSecond).plusMillis(i % perSecond % 1000));
                org.contacts().update(ids.get(i), ContactChanges.none().withContactNumber("SB%06d".formatted(i)));
            }
            simulator.clock().reset();
        }
        System.out.printf(Locale.ROOT, "Organisation %s tenant %s: %,d contacts, %s, made in %.1f s%n", org.name(),
                org.tenantId(), org.contacts().count(),
                perSecond > 0 ? perSecond + " per UpdatedDateUTC second" : "generator's timestamps (one second)",
                (System.nanoTime() - started) / 1e9);
        simulator.registerApp(clientId, clientSecret, redirectUris, "Kontor (sync bench)");
        System.out.println("Rate limits: " + simulator.rateLimits());
        simulator.requestLog().clear();

        HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", controlPort), 64);
        control.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        control.createContext("/", exchange -> {
            try {
                handle(simulator, org, exchange);
            } catch (Exception e) {
                reply(exchange, 500, e.toString());
            }
        });
        control.start();
        System.out.println("Control on http://127.0.0.1:" + control.getAddress().getPort());
        System.out.println("Xero simulator listening on " + simulator.baseUrl());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            control.stop(0);
            simulator.close();
        }));
        Thread.currentThread().join();
    }

    static void handle(XeroSimulator simulator, SimOrganisation org, HttpExchange exchange) throws Exception {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        switch (method + " " + path) {
            case "GET /stats" -> {
                List<LoggedRequest> pages = simulator.requestLog().entries("GET", CONTACTS);
                long ok = pages.stream().filter(r -> r.status() == 200).count();
                long limited = pages.stream().filter(r -> r.status() == 429).count();
                long withSince = pages.stream().filter(r -> r.status() == 200 && r.header("If-Modified-Since") != null)
                        .count();
                Instant firstAt = pages.isEmpty() ? null : pages.getFirst().at();
                Instant lastAt = pages.isEmpty() ? null : pages.getLast().at();
                long all = simulator.requestLog().entries().size();
                // Pauses between calls longer than 5 s: where a client waited (rate limits), with the call's number
                // and its time since the first call.
                StringBuilder pauses = new StringBuilder();
                for (int i = 1; i < pages.size(); i++) {
                    Duration gap = Duration.between(pages.get(i - 1).at(), pages.get(i).at());
                    if (gap.toMillis() > 5000) {
                        pauses.append(pauses.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT,
                                "%.1f s before call %d (%.1f s after the first call)", gap.toMillis() / 1000.0, i + 1,
                                Duration.between(pages.getFirst().at(), pages.get(i).at()).toMillis() / 1000.0));
                    }
                }
                reply(exchange, 200, "contacts_get=" + pages.size() + "\ncontacts_get_200=" + ok + "\ncontacts_get_429="
                        + limited + "\ncontacts_get_if_modified_since=" + withSince + "\nall_requests=" + all
                        + "\nfirst=" + firstAt + "\nlast=" + lastAt + "\npauses=" + (pauses.isEmpty() ? "none" : pauses) + "\n");
            }
            case "DELETE /requests" -> {
                simulator.requestLog().clear();
                reply(exchange, 200, "cleared\n");
            }
            case "POST /webhook" -> {
                simulator.configureWebhook(query.get("url"), query.get("key"));
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (simulator.webhookStatus() == WebhookStatus.INTENT_TO_RECEIVE && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                reply(exchange, 200, simulator.webhookStatus() + "\n");
            }
            case "GET /webhook" -> {
                long bad = simulator.webhookDeliveries().stream().filter(d -> !d.acceptable()).count();
                reply(exchange, 200, simulator.webhookStatus() + " deliveries=" + simulator.webhookDeliveries().size()
                        + " unacceptable=" + bad + "\n");
            }
            case "GET /sample" -> {
                int n = Integer.parseInt(query.getOrDefault("n", "200"));
                List<SimContact> list = org.contacts().list();
                StringBuilder out = new StringBuilder();
                int step = Math.max(1, list.size() / Math.max(1, n));
                for (int i = 0, taken = 0; i < list.size() && taken < n; i += step, taken++) {
                    out.append(list.get(i).contactId()).append('\t').append(list.get(i).name()).append('\n');
                }
                reply(exchange, 200, out.toString());
            }
            case "POST /rename" -> {
                SimContact changed = org.contacts().update(UUID.fromString(query.get("id")),
                        ContactChanges.none().withName(query.get("name")));
                reply(exchange, 200, changed.updatedDateUtc() + "\n");
            }
            default -> reply(exchange, 404, "no such control " + method + " " + path + "\n");
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
