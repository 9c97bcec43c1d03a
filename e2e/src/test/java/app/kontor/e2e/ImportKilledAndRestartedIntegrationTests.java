package app.kontor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.xerosim.Fault;
import app.xerosim.LoggedRequest;
import app.xerosim.SimOrganisation;
import app.xerosim.XeroSimulator;
import app.xerosim.XeroSimulatorSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, robustness: the packaged jar is killed with SIGKILL while it reads Xero's contacts, and
 * started again on the same working directory (the same H2 file). The restarted server finds the
 * import's db-scheduler execution dead, runs it again, and the import carries on from its last
 * checkpoint: the first page it asks Xero for is the one after the last page it had stored (or the one
 * that was in flight at the kill), never page 1, and every Xero contact ends up linked to exactly one
 * Kontor contact.
 *
 * <p>The simulator runs in this JVM, so the test can fill an organisation quickly, slow each page
 * down and read the request log; the app runs in demo mode (its own H2 file, printed sign-ins) with
 * {@code kontor.xero.*} pointing at that simulator, which turns demo mode's own simulator off.
 */
class ImportKilledAndRestartedIntegrationTests {

    private static final String CLIENT_ID = "kontor-kill-test";
    private static final String CLIENT_SECRET = "kontor-kill-test-secret";
    private static final String CONTACTS = "/api.xro/2.0/Contacts";
    private static final int CONTACT_COUNT = 5_000;
    /** Each page of GET /Contacts (five of 1,000 and more) takes this long, so the read takes seconds. */
    private static final Duration PAGE_LATENCY = Duration.ofMillis(1_500);

    /**
     * H2 (demo mode's database) flushes commits to its file in the background, up to about a second
     * after the commit; what was committed longer ago than this survives a SIGKILL.
     */
    private static final Duration H2_WRITE_DELAY_MARGIN = Duration.ofMillis(2_500);

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private final Path target = E2eSettings.targetFromSystemProperties();
    private final Path workDirectory = target.resolve("kill-test-app");

    private @Nullable XeroSimulator simulator;
    private @Nullable KontorApp app;

    @AfterEach
    void stopEverything() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    @Test
    void anImportKilledWhileReadingResumesFromItsCheckpointAfterARestart() throws Exception {
        simulator = XeroSimulator.start(XeroSimulatorSettings.defaults().withPort(0));
        var organisation = simulator.organisations().create("Kill and Restart Ltd");
        var contactIds = organisation.contacts().generate(CONTACT_COUNT, 9);
        // The import's default filter takes customers as new Kontor contacts.
        contactIds.forEach(id -> organisation.contacts().markAsCustomer(id));
        var tenant = organisation.tenantId().toString();
        simulator.faults().nextFor(tenant, 100, "GET", CONTACTS, Fault.latency(PAGE_LATENCY));

        KontorApp.deleteRecursively(workDirectory);
        app = start(1);
        simulator.registerApp(
                CLIENT_ID,
                CLIENT_SECRET,
                List.of(
                        app.baseUrl() + "/settings/integrations/xero/callback",
                        app.baseUrl().toString().replace("localhost", "127.0.0.1")
                                + "/settings/integrations/xero/callback"),
                "Kontor (kill test)");
        final var browser = new Browser(app.baseUrl());
        browser.signIn(app.credentials(DemoUser.ADMIN));
        var contactsBefore = totalContacts(browser);
        connect(browser, organisation);

        // Demo mode's H2 writes committed transactions to its file up to about a second later (H2's
        // write delay), so a SIGKILL loses the last second of commits; the import's checkpoint and its
        // page are one transaction, so they are lost together. Kill once a checkpoint is older than
        // that, while the read still has pages to go; the restart must resume from that one or a later.
        var seen = new ArrayList<Observed>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var run = importState(browser);
                    if (run != null) {
                        seen.add(new Observed(System.nanoTime(), run));
                    }
                    return durablePages(seen) >= 1;
                });
        var durablePages = durablePages(seen);
        var beforeKill = seen.getLast().run();
        assertThat(beforeKill.state()).as("the import when Kontor is killed").isEqualTo("READING");
        assertThat(beforeKill.read()).isLessThan(CONTACT_COUNT);
        app.kill();
        app = null;
        // Let a page that was in flight at the kill reach the simulator's log before Kontor restarts.
        Thread.sleep(PAGE_LATENCY.plusMillis(500));
        var requestsBeforeKill = contactRequests(organisation);
        assertThat(requestsBeforeKill).as("pages asked for before the kill").hasSizeGreaterThanOrEqualTo(2);

        app = start(2);
        var restarted = new Browser(app.baseUrl());
        restarted.signIn(app.credentials(DemoUser.ADMIN));
        var finished = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> importState(restarted),
                        run -> run != null && run.state().equals("FINISHED"));
        assertThat(finished).isNotNull();
        var contactsAfter = totalContacts(restarted);

        // The same import carried on: the restart did not start another one.
        assertThat(finished.id()).isEqualTo(beforeKill.id());
        assertThat(finished.read()).isEqualTo(CONTACT_COUNT);
        assertThat(finished.created() + finished.linked())
                .as("created + linked in " + finished.json())
                .isEqualTo(CONTACT_COUNT);
        assertThat(finished.needsReview() + finished.failed())
                .as("review + failed in " + finished.json())
                .isZero();
        assertThat(contactsAfter - contactsBefore)
                .as("new Kontor contacts: one per Xero contact that was not linked to an existing one")
                .isEqualTo(finished.created());

        // Resumed from the checkpoint: the restarted server's first request is the page after the last
        // stored one (or the one in flight at the kill, whose page was not stored), never page 1 again.
        var all = contactRequests(organisation);
        var afterRestart = all.subList(requestsBeforeKill.size(), all.size());
        assertThat(afterRestart).as("pages asked for after the restart").isNotEmpty();
        var firstAfterRestart = afterRestart.getFirst();
        System.out.printf(
                "Killed at %d pages read (%d surely in the H2 file). Pages asked for before the kill: %s; after: %s%n",
                beforeKill.pages(), durablePages, requestsBeforeKill, afterRestart);
        assertThat(firstAfterRestart)
                .as(
                        "the first page asked for after the restart, with %d pages stored %s before the kill; "
                                + "the pages asked for before: %s",
                        durablePages, H2_WRITE_DELAY_MARGIN, requestsBeforeKill)
                .isNotIn(requestsBeforeKill.subList(0, durablePages));
        assertThat(firstAfterRestart.ifModifiedSince())
                .as("a resumed read asks from its cursor's second, unlike the first page of an import")
                .isNotNull();
        assertThat(requestsBeforeKill.getFirst().ifModifiedSince()).isNull();
        // Read twice: at most the pages stored in the last second before the kill and the one in flight.
        assertThat(all.size() - new HashSet<>(all).size())
                .as("pages read twice in " + all)
                .isLessThanOrEqualTo(beforeKill.pages() - durablePages + 1);

        // No duplicates and no gaps: every Xero contact linked once, to a contact of its own.
        app.close();
        app = null;
        var links = xeroLinks(organisation.tenantId());
        assertThat(links.keySet()).as("linked Xero contacts").containsExactlyInAnyOrderElementsOf(contactIds);
        assertThat(new HashSet<>(links.values())).as("distinct Kontor contacts").hasSize(CONTACT_COUNT);
    }

    /** The import as seen at a moment (System.nanoTime()). */
    record Observed(long at, ImportState run) {}

    /** Pages stored at least {@link #H2_WRITE_DELAY_MARGIN} ago, so surely in the H2 file by now. */
    private static int durablePages(List<Observed> seen) {
        var before = System.nanoTime() - H2_WRITE_DELAY_MARGIN.toNanos();
        return seen.stream()
                .filter(observed -> observed.at() <= before)
                .mapToInt(observed -> observed.run().pages())
                .max()
                .orElse(0);
    }

    private KontorApp start(int run) {
        var base = simulator.baseUrl();
        return KontorApp.start(
                E2eSettings.jarFromSystemProperties(),
                workDirectory,
                target.resolve("kill-test-app-" + run + ".log"),
                List.of(
                        // A client id turns demo mode's own simulator off; these point Kontor at this one.
                        "--kontor.xero.client-id=" + CLIENT_ID,
                        "--kontor.xero.client-secret=" + CLIENT_SECRET,
                        "--kontor.xero.authorization-uri=" + base + "/identity/connect/authorize",
                        "--kontor.xero.token-uri=" + base + "/connect/token",
                        "--kontor.xero.jwks-uri=" + base + "/.well-known/openid-configuration/jwks",
                        "--kontor.xero.revocation-uri=" + base + "/connect/revocation",
                        "--kontor.xero.connections-uri=" + base + "/connections",
                        "--kontor.xero.api-uri=" + base + "/api.xro/2.0",
                        "--kontor.xero.web-uri=" + base,
                        "--kontor.xero.issuer=" + base,
                        // db-scheduler finds a dead execution after missing heartbeats: seconds, not minutes.
                        "--kontor.jobs.heartbeat-interval=1s",
                        "--kontor.jobs.polling-interval=250ms",
                        "--kontor.jobs.shutdown-max-wait=2s"));
    }

    /** Connect to Xero as an admin does, the consent answered over HTTP as the browser would post it. */
    private void connect(Browser browser, SimOrganisation organisation) throws Exception {
        var settings = browser.get("/settings/integrations/xero");
        var connect =
                browser.postForm("/settings/integrations/xero/connect", Map.of("_csrf", csrfField(settings.body())));
        assertThat(connect.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/xero");
        var authorization = browser.get("/oauth2/authorization/xero");
        var authorize =
                URI.create(authorization.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(simulator.baseUrl());

        var form = new LinkedHashMap<String, String>();
        for (var pair : authorize.getRawQuery().split("&")) {
            var eq = pair.indexOf('=');
            form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        form.put("tenant", organisation.tenantId().toString());
        form.put("decision", "allow");
        var consent = new Browser(URI.create(simulator.baseUrl()))
                .postForm(simulator.baseUrl() + "/identity/connect/authorize", form);
        var callback = URI.create(consent.headers().firstValue("Location").orElseThrow());
        assertThat(callback.toString()).startsWith(browser.baseUrl + "/settings/integrations/xero/callback");

        assertThat(browser.follow(callback.getRawPath() + "?" + callback.getRawQuery()))
                .contains("Connected to " + organisation.name());
    }

    private static long totalContacts(Browser browser) throws Exception {
        var answer = browser.get("/api/v1/contacts?status=all&size=1");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Long.parseLong(number(answer.body(), "totalItems"));
    }

    /** The import as {@code GET /api/v1/xero/import} shows it, or {@code null} before there is one. */
    private static @Nullable ImportState importState(Browser browser) throws Exception {
        var answer = browser.get("/api/v1/xero/import");
        if (answer.statusCode() == 404) {
            return null;
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var json = answer.body();
        var state = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"").matcher(json);
        var id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(state.find() && id.find()).as(json).isTrue();
        return new ImportState(
                id.group(1),
                state.group(1),
                Integer.parseInt(number(json, "pages")),
                Integer.parseInt(number(json, "read")),
                Integer.parseInt(number(json, "created")),
                Integer.parseInt(number(json, "linked")),
                Integer.parseInt(number(json, "needsReview")),
                Integer.parseInt(number(json, "failed")),
                json);
    }

    record ImportState(
            String id,
            String state,
            int pages,
            int read,
            int created,
            int linked,
            int needsReview,
            int failed,
            String json) {}

    private static String number(String json, String field) {
        var matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(matcher.find()).as(field + " in " + json).isTrue();
        return matcher.group(1);
    }

    /** A page Kontor asked Xero for: its query (page number and paging) and its If-Modified-Since. */
    record PageRequest(String query, @Nullable String ifModifiedSince) {}

    private List<PageRequest> contactRequests(SimOrganisation organisation) {
        var tenant = organisation.tenantId().toString();
        return simulator.requestLog().entries("GET", CONTACTS).stream()
                .filter(request -> tenant.equals(request.header("xero-tenant-id")))
                .map(ImportKilledAndRestartedIntegrationTests::pageRequest)
                .toList();
    }

    private static PageRequest pageRequest(LoggedRequest request) {
        return new PageRequest(String.valueOf(request.query()), request.header("If-Modified-Since"));
    }

    /** Xero ContactID → Kontor contact id, read from the stopped app's H2 file. */
    private Map<UUID, UUID> xeroLinks(UUID tenantId) throws SQLException {
        var url = "jdbc:h2:file:" + workDirectory.resolve("data/kontor").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE";
        var links = new LinkedHashMap<UUID, UUID>();
        var duplicates = new ArrayList<UUID>();
        try (var connection = DriverManager.getConnection(url, "sa", "");
                var statement = connection.prepareStatement(
                        "select xero_contact_id, contact_id from xero_links where tenant_id = ?")) {
            statement.setObject(1, tenantId);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var xeroContact = rows.getObject(1, UUID.class);
                    if (links.put(xeroContact, rows.getObject(2, UUID.class)) != null) {
                        duplicates.add(xeroContact);
                    }
                }
            }
        }
        assertThat(duplicates).as("Xero contacts linked more than once").isEmpty();
        return links;
    }

    private static String csrfField(String html) {
        var matcher = CSRF_FIELD.matcher(html);
        assertThat(matcher.find()).as("a form with a CSRF field").isTrue();
        return matcher.group(1);
    }

    /** A browser's view of one Kontor server: its session cookie; no redirects followed. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final URI baseUrl;
        private @Nullable String session;

        Browser(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        void signIn(DemoCredentials credentials) throws Exception {
            var page = get("/login");
            var answer = postForm(
                    "/login",
                    Map.of(
                            "email",
                            credentials.email(),
                            "password",
                            credentials.password(),
                            "_csrf",
                            csrfField(page.body())));
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        }

        /** Follows redirects from {@code path} to a page; returns its HTML. */
        String follow(String path) throws Exception {
            var target = path;
            for (var hops = 0; hops < 5; hops++) {
                var answer = get(target);
                if (answer.statusCode() != 302) {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                    return answer.body();
                }
                var location =
                        URI.create(answer.headers().firstValue("Location").orElseThrow());
                target = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
            }
            throw new AssertionError("Too many redirects from " + path);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(resolve(path))
                    .header("Accept", "application/json, text/html")
                    .GET());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields)
                throws IOException, InterruptedException {
            var body = fields.entrySet().stream()
                    .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private URI resolve(String path) {
            return path.startsWith("http") ? URI.create(path) : baseUrl.resolve(path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (session != null) {
                request.header("Cookie", "KONTOR_SESSION=" + session);
            }
            request.timeout(Duration.ofSeconds(30));
            var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (var cookie : answer.headers().allValues("Set-Cookie")) {
                if (cookie.startsWith("KONTOR_SESSION=")) {
                    session = cookie.substring("KONTOR_SESSION=".length(), cookie.indexOf(';'));
                }
            }
            return answer;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
