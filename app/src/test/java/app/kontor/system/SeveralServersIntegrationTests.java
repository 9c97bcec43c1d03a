package app.kontor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kontor.KontorApplication;
import app.kontor.TestXero;
import app.kontor.practice.NewUser;
import app.kontor.practice.Practices;
import app.kontor.practice.Role;
import app.xerosim.Fault;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Kontor servers, each a whole application with its own web server on a random port, on one
 * database (the test run's: H2 in memory, shared by name within this JVM, or PostgreSQL), talked to
 * over real HTTP as a load balancer without sticky sessions would: a session made on one server works
 * on the other, and a sign-out on one ends it on both; a job runs once across both; and the Xero rate
 * budget one server learns about holds back the other. The test's browser plays the load balancer
 * too: every request carries the {@code X-Forwarded-*} headers of the public address {@code
 * http://localhost}, which both servers are configured with, so Xero's redirect back to that address
 * can be handed to either server.
 */
class SeveralServersIntegrationTests {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    /** What each server's probe jobs did: "instance node" and "scheduled-time node". */
    static final Queue<String> PROBE_RUNS = new ConcurrentLinkedQueue<>();

    static final Queue<String> TICKS = new ConcurrentLinkedQueue<>();

    private static ConfigurableApplicationContext serverA;
    private static ConfigurableApplicationContext serverB;

    @BeforeAll
    static void startTwoServers() {
        serverA = server("A");
        serverB = server("B");
    }

    @AfterAll
    static void stopServers() {
        try {
            if (serverA != null) {
                // The probe jobs are known to these two servers only; leave no rows for others to find.
                serverA.getBean(JdbcClient.class)
                        .sql("delete from scheduled_tasks where task_name like 'several-servers-%'")
                        .update();
            }
        } finally {
            if (serverB != null) {
                serverB.close();
            }
            if (serverA != null) {
                serverA.close();
            }
        }
    }

    /** One Kontor server: the whole application, a real web server, and this test's two probe jobs. */
    private static ConfigurableApplicationContext server(String node) {
        return new SpringApplicationBuilder(KontorApplication.class, ProbeJobs.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                // Command-line arguments, so they win over application.yml (default properties would not).
                .run(
                        "--server.port=0",
                        "--kontor.xero.public-base-url=http://localhost",
                        "--server.forward-headers-strategy=native",
                        "--several-servers.node=" + node);
    }

    /** Not a component (nothing scans it in): only the two servers above have these jobs. */
    static class ProbeJobs {

        @Bean
        OneTimeTask<Void> severalServersProbe(Environment environment) {
            var node = environment.getRequiredProperty("several-servers.node");
            return Tasks.oneTime("several-servers-probe").execute((instance, context) -> {
                PROBE_RUNS.add(instance.getId() + " " + node);
                // Long enough that one server cannot take them all before the other polls.
                sleep(Duration.ofMillis(100));
            });
        }

        @Bean
        RecurringTask<Void> severalServersTick(Environment environment) {
            var node = environment.getRequiredProperty("several-servers.node");
            return Tasks.recurring("several-servers-tick", FixedDelay.of(Duration.ofMillis(300)))
                    .execute((instance, context) -> TICKS.add(context.getExecution().executionTime + " " + node));
        }
    }

    @Test
    void aSessionMadeOnOneServerWorksOnTheOtherAndASignOutEndsItOnBoth() throws Exception {
        var admin = newPractice("Session");
        var browser = new Browser();

        browser.signIn(url(serverA, "/login"), admin);
        var onB = browser.get(url(serverB, "/contacts"));
        assertThat(onB.statusCode())
                .as("the contact list on B with A's session")
                .isEqualTo(200);
        assertThat(onB.body()).contains("Contacts").contains(">Sign out<");

        // A change needs the session's CSRF token: one taken from a page of B is good on A.
        var created = browser.postJson(
                url(serverA, "/api/v1/contacts"),
                csrf(onB.body()),
                "{\"type\":\"ORGANISATION\",\"name\":\"Both Servers Bakery Ltd\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(browser.get(url(serverB, "/contacts?q=both+servers")).body()).contains("Both Servers Bakery Ltd");

        var signOut = browser.postForm(
                url(serverB, "/logout"),
                Map.of("_csrf", csrf(browser.get(url(serverB, "/contacts")).body())));
        assertThat(signOut.statusCode()).isEqualTo(302);
        // The cookie from before the sign-out, as a second tab would still send it, now to A.
        var afterSignOut = browser.withSession(browser.signedInSession).get(url(serverA, "/contacts"));
        assertThat(afterSignOut.statusCode()).as("the old session on A").isEqualTo(302);
        assertThat(afterSignOut.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aJobScheduledOnEitherServerRunsExactlyOnce() {
        PROBE_RUNS.clear();
        var a = serverA.getBean(Scheduler.class);
        var b = serverB.getBean(Scheduler.class);
        @SuppressWarnings("unchecked")
        var probe = (OneTimeTask<Void>) serverA.getBean("severalServersProbe", OneTimeTask.class);
        // All due at the same moment, half scheduled through each server, so both compete for each.
        var due = Instant.now().plusMillis(800);
        var instances = new ArrayList<String>();
        for (var i = 0; i < 40; i++) {
            var id = "probe-" + UUID.randomUUID();
            instances.add(id);
            (i % 2 == 0 ? a : b).schedule(probe.instance(id), due);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> distinctInstances().size() == instances.size());
        // Longer than several polls of both servers: nothing runs a second time.
        sleep(Duration.ofSeconds(2));

        var runsPerInstance =
                PROBE_RUNS.stream().collect(Collectors.groupingBy(run -> run.split(" ")[0], Collectors.counting()));
        assertThat(runsPerInstance.keySet()).containsExactlyInAnyOrderElementsOf(instances);
        assertThat(runsPerInstance.values()).allMatch(count -> count == 1);
        var runsPerServer =
                PROBE_RUNS.stream().collect(Collectors.groupingBy(run -> run.split(" ")[1], Collectors.counting()));
        assertThat(runsPerServer).as("both servers took part").containsOnlyKeys("A", "B");
    }

    @Test
    void aRecurringJobRunsOnceForEachOfItsTimes() {
        TICKS.clear();
        await().atMost(Duration.ofSeconds(30)).until(() -> TICKS.size() >= 8);

        var times = TICKS.stream().map(tick -> tick.split(" ")[0]).toList();
        assertThat(times).as("each scheduled time ran once, on one server").doesNotHaveDuplicates();
    }

    @Test
    void theXeroRateBudgetOneServerLearnsAboutHoldsBackTheOther() throws Exception {
        var admin = newPractice("Budget");
        var organisation = TestXero.simulator()
                .organisations()
                .create("Several Servers " + UUID.randomUUID().toString().substring(0, 6));
        var browser = new Browser();
        browser.signIn(url(serverA, "/login"), admin);
        connect(browser, organisation.tenantId());
        var first = newContact(browser, "Budget First Ltd");
        var second = newContact(browser, "Budget Second Ltd");

        // Xero answers A's pre-flight: this organisation's calls for the day are spent, for an hour.
        TestXero.simulator()
                .faults()
                .nextFor(
                        organisation.tenantId().toString(),
                        1,
                        "GET",
                        "/api.xro/2.0/Contacts",
                        Fault.rateLimited("day", 3600));
        var onA = browser.postJson(url(serverA, "/api/v1/contacts/" + first + "/xero"), browser.csrfFrom(serverA), "");
        assertThat(onA.statusCode()).isEqualTo(503);
        assertThat(onA.body()).contains("/problems/xero-busy");

        var log = TestXero.simulator().requestLog();
        var callsBefore = xeroCalls(log.entries());
        var onB = browser.postJson(url(serverB, "/api/v1/contacts/" + second + "/xero"), browser.csrfFrom(serverB), "");

        assertThat(onB.statusCode()).as("B, which never heard from Xero itself").isEqualTo(503);
        assertThat(onB.body()).contains("/problems/xero-busy");
        // B waits for the pause A recorded (about an hour), and did not ask Xero at all.
        assertThat(Long.parseLong(onB.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(3000L, 3600L);
        assertThat(xeroCalls(log.entries())).isEqualTo(callsBefore);
        assertThat(organisation.contacts().list()).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static long xeroCalls(List<app.xerosim.LoggedRequest> entries) {
        return entries.stream().filter(e -> e.path().startsWith("/api.xro/")).count();
    }

    private record Admin(String email) {}

    private static Admin newPractice(String name) {
        var practices = serverA.getBean(Practices.class);
        var unique = UUID.randomUUID().toString().substring(0, 8);
        var practice = practices.create(name + " " + unique, "NZ");
        var email = "admin-" + unique + "@example.com";
        practices.addUser(practice.id(), new NewUser(email, "Admin " + unique, PASSWORD, Role.ADMIN));
        return new Admin(email);
    }

    /**
     * Connect to Xero started on A; Xero sends the admin back to the public address, and the load
     * balancer hands the callback to B, which finds the authorization request A saved in the session.
     */
    private static void connect(Browser browser, UUID tenantId) throws Exception {
        var settings = browser.get(url(serverA, "/settings/integrations/xero"));
        var connect = browser.postForm(
                url(serverA, "/settings/integrations/xero/connect"), Map.of("_csrf", csrfField(settings.body())));
        assertThat(connect.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/xero");
        var authorization = browser.get(url(serverA, "/oauth2/authorization/xero"));
        var authorize =
                URI.create(authorization.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(TestXero.simulator().baseUrl());

        var form = new LinkedHashMap<String, String>();
        for (var pair : authorize.getRawQuery().split("&")) {
            var eq = pair.indexOf('=');
            form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        form.put("tenant", tenantId.toString());
        form.put("decision", "allow");
        var consent = new Browser().postForm(TestXero.simulator().baseUrl() + "/identity/connect/authorize", form);
        var callback = URI.create(consent.headers().firstValue("Location").orElseThrow());
        assertThat(callback.toString()).startsWith("http://localhost/settings/integrations/xero/callback");

        var landing = browser.follow(serverB, callback.getRawPath() + "?" + callback.getRawQuery());
        assertThat(landing).contains("Connected");
        // Connecting starts an import; let it finish so its calls to Xero do not meet a test's injected fault.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() ->
                        browser.get(url(serverA, "/api/v1/xero/import")).body().contains("\"FINISHED\""));
    }

    private static String newContact(Browser browser, String name) throws Exception {
        var answer = browser.postJson(
                url(serverA, "/api/v1/contacts"),
                browser.csrfFrom(serverA),
                "{\"type\":\"ORGANISATION\",\"name\":\"" + name + " " + UUID.randomUUID() + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        var matcher = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static List<String> distinctInstances() {
        return PROBE_RUNS.stream().map(run -> run.split(" ")[0]).distinct().toList();
    }

    private static String url(ConfigurableApplicationContext server, String path) {
        return "http://localhost:" + server.getEnvironment().getRequiredProperty("local.server.port") + path;
    }

    private static String csrf(String html) {
        var matcher = CSRF_META.matcher(html);
        assertThat(matcher.find()).as("a page with a CSRF token").isTrue();
        return matcher.group(1);
    }

    private static String csrfField(String html) {
        var matcher = CSRF_FIELD.matcher(html);
        assertThat(matcher.find()).as("a form with a CSRF field").isTrue();
        return matcher.group(1);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A browser's view of Kontor: one session cookie, whichever server answers; no redirects followed. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private @Nullable String session;
        private @Nullable String signedInSession;

        Browser withSession(@Nullable String value) {
            var other = new Browser();
            other.session = value;
            return other;
        }

        void signIn(String loginUrl, Admin admin) throws Exception {
            var page = get(loginUrl);
            var answer = postForm(
                    loginUrl, Map.of("email", admin.email(), "password", PASSWORD, "_csrf", csrfField(page.body())));
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            signedInSession = session;
        }

        String csrfFrom(ConfigurableApplicationContext server) throws Exception {
            return csrf(get(url(server, "/contacts")).body());
        }

        /** Follows redirects on {@code server} from {@code path} to a page; returns its HTML. */
        String follow(ConfigurableApplicationContext server, String path) throws Exception {
            var target = path;
            for (var hops = 0; hops < 5; hops++) {
                var answer = get(url(server, target));
                if (answer.statusCode() != 302) {
                    assertThat(answer.statusCode()).isEqualTo(200);
                    return answer.body();
                }
                var location =
                        URI.create(answer.headers().firstValue("Location").orElseThrow());
                target = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
            }
            throw new AssertionError("Too many redirects from " + path);
        }

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> postForm(String url, Map<String, String> fields) throws IOException, InterruptedException {
            var body = fields.entrySet().stream()
                    .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> postJson(String url, String csrfToken, String json)
                throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("X-CSRF-TOKEN", csrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            // What a load balancer in front of both servers adds: the address the browser used.
            request.header("X-Forwarded-Proto", "http")
                    .header("X-Forwarded-Host", "localhost")
                    .header("X-Forwarded-Port", "80");
            if (session != null) {
                request.header("Cookie", "KONTOR_SESSION=" + session);
            }
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
