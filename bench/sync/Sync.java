/*
 * Import and sync benchmark client: Kontor (packaged jar) importing N contacts from a Xero simulator in its own
 * JVM (SyncSimulator.java), then, optionally, Xero changes arriving by webhook. Single file, JDK 25, no
 * dependencies:
 *
 *   java Sync.java --kontor URL --simulator URL --control URL --kontor-log FILE --contacts N
 *        [--kontor-pid N] [--simulator-pid N] [--gc-log FILE] [--samples-every MS] [--label TEXT]
 *        [--webhooks M --webhook-rate PER_SECOND --webhook-key KEY] [--rate-limits off|xero]
 *        [--histogram STATE:COUNT]   (one jcmd GC.class_histogram of Kontor when the import is in STATE,
 *                                     READING or MATCHING, with at least COUNT contacts read or applied)
 *
 * 1. Setup (not timed): reads the admin's demo password from Kontor's log (never printed), signs in with the
 *    login form, opens Kontor's consent redirect.
 * 2. Import (timed): from posting the simulator's consent form ("Allow", organisation "Sync Bench Ltd"), which
 *    redirects to Kontor's callback that connects and schedules the import, until GET /api/v1/xero/import says
 *    FINISHED (polled every 100 ms; the times of READING -> MATCHING -> FINISHED are those of the first poll
 *    that saw them). Meanwhile, every --samples-every ms (default 1000), `jcmd <kontor> Thread.print` is taken
 *    and the stack of the thread running ImportRunner is kept: the summary says where the import spends its
 *    wall time (top frames, Kontor frames, and a coarse class: Xero HTTP, JDBC, ...).
 * 3. Reports: API calls (GET /Contacts at the simulator, from SyncSimulator's /stats) against ceil(N/1000);
 *    contacts per second (N / wall time), reading and matching separately; bytes downloaded per contact
 *    (the import's bytes / N); Kontor's peak heap from its GC log (-Xlog:gc: the largest heap used before a
 *    collection, and the largest after one); CPU cores used by Kontor, the simulator, PostgreSQL, this client
 *    and everything else during the import (from /proc); the load average.
 * 4. Webhooks (--webhooks M): the simulator's webhook is pointed at Kontor's /webhooks/xero with the key Kontor
 *    was started with (intent to receive must pass), then M contacts are renamed in the simulator
 *    (SyncSimulator's /rename, SimContacts.update) on a fixed schedule of --webhook-rate per second (open loop:
 *    a rename starts at its intended time whatever Kontor does). A poller reads Kontor's
 *    GET /api/v1/contacts?sort=recently_updated&status=all&size=200 every 50 ms; a change is visible when
 *    its new name is in an answer. Latency = the answer's arrival - the rename's intended start (the poll
 *    interval adds up to 50 ms). Reports p50/p95/p99/max and how many were never seen within 120 s.
 */

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Sync {

    static final String ORGANISATION = "Sync Bench Ltd";
    static String kontor;
    static String simulator;
    static String control;
    static long kontorPid = -1;
    static long simulatorPid = -1;

    static final HttpClient web = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static void main(String[] args) throws Exception {
        Path kontorLog = null;
        Path gcLog = null;
        int contacts = 100_000;
        int webhooks = 0;
        double webhookRate = 2;
        String webhookKey = null;
        long samplesEvery = 1000;
        String label = "";
        String limits = "off";
        String histogram = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kontor" -> kontor = strip(args[++i]);
                case "--simulator" -> simulator = strip(args[++i]);
                case "--control" -> control = strip(args[++i]);
                case "--kontor-log" -> kontorLog = Path.of(args[++i]);
                case "--gc-log" -> gcLog = Path.of(args[++i]);
                case "--kontor-pid" -> kontorPid = Long.parseLong(args[++i]);
                case "--simulator-pid" -> simulatorPid = Long.parseLong(args[++i]);
                case "--contacts" -> contacts = Integer.parseInt(args[++i]);
                case "--webhooks" -> webhooks = Integer.parseInt(args[++i]);
                case "--webhook-rate" -> webhookRate = Double.parseDouble(args[++i]);
                case "--webhook-key" -> webhookKey = args[++i];
                case "--samples-every" -> samplesEvery = Long.parseLong(args[++i]);
                case "--label" -> label = args[++i];
                case "--rate-limits" -> limits = args[++i];
                case "--histogram" -> histogram = args[++i];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (kontor == null || simulator == null || control == null || kontorLog == null) {
            throw new IllegalArgumentException("--kontor, --simulator, --control and --kontor-log are required");
        }

        signIn(kontorLog);
        String consentForm = consentPage();
        control("DELETE", "/requests");

        // ---- the import, timed from the consent to FINISHED ----
        Sampler sampler = new Sampler();
        ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor();
        if (samplesEvery > 0 && kontorPid > 0) {
            sampling.scheduleWithFixedDelay(sampler::sample, samplesEvery, samplesEvery, TimeUnit.MILLISECONDS);
        }
        Cpu cpu = Cpu.now();
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        consent(consentForm);
        long connected = System.nanoTime();
        Map<String, Long> firstSeen = new LinkedHashMap<>();
        String json = null;
        String state = null;
        while (true) {
            var answer = get(kontor + "/api/v1/xero/import");
            if (answer.statusCode() == 200) {
                json = answer.body();
                state = text(json, "state");
                firstSeen.putIfAbsent(state, System.nanoTime());
                // One histogram (a full GC: live objects only) once the import is this far into the state named.
                if (histogram != null && histogramAt == null && histogram.startsWith(state + ":")
                        && number(json, state.equals("READING") ? "read" : "applied")
                                >= Long.parseLong(histogram.substring(histogram.indexOf(':') + 1))) {
                    histogramAt = jcmd("GC.class_histogram").lines().limit(15).map(l -> "    " + l + "\n")
                            .reduce("", String::concat);
                }
                if (state.equals("FINISHED") || state.equals("STOPPED") || state.equals("FAILED")) {
                    break;
                }
            }
            if (System.nanoTime() - start > Duration.ofHours(2).toNanos()) {
                throw new IllegalStateException("The import did not finish in 2 hours: " + json);
            }
            Thread.sleep(100);
        }
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        sampling.shutdownNow();
        String cpuUsed = cpu.usedSince(seconds);
        String loadAfter = loadAverage();
        Map<String, String> stats = stats(control("GET", "/stats"));

        int calls = Integer.parseInt(stats.get("contacts_get_200"));
        int limited = Integer.parseInt(stats.get("contacts_get_429"));
        int floorCalls = (contacts + 999) / 1000 + (contacts % 1000 == 0 ? 1 : 0); // a full last page needs one more
        int ceil = (contacts + 999) / 1000;
        long bytes = number(json, "bytes");
        double reading = firstSeen.containsKey("MATCHING")
                ? (firstSeen.get("MATCHING") - start) / 1e9 : Double.NaN;
        double matching = firstSeen.containsKey("MATCHING")
                ? (end - firstSeen.get("MATCHING")) / 1e9 : Double.NaN;

        System.out.println();
        System.out.printf(Locale.ROOT, "Import %s: state %s after %.1f s (consent to Connected %.1f s)%n", label,
                state, seconds, (connected - start) / 1e9);
        System.out.println("Kontor's import: " + json);
        System.out.println("Simulator: " + stats);
        System.out.printf(Locale.ROOT,
                "a. API calls: %d GET /Contacts answered 200 (+%d answered 429) for %,d contacts; ceil(N/1000) = %d"
                        + " -> %.3fx (pages of 1000 can at best take %d calls: a full last page needs an empty one"
                        + " after it)%n",
                calls, limited, contacts, ceil, calls / (double) ceil, floorCalls);
        System.out.printf(Locale.ROOT,
                "b. contacts/s: %,.0f overall (%.1f s); reading %.1f s (%,.0f/s), matching %.1f s (%,.0f/s)%n",
                contacts / seconds, seconds, reading, contacts / reading, matching, contacts / matching);
        if (limits.equals("xero")) {
            // Fixed one-minute windows from the first call: 60 calls in each; the last window is partly used.
            double floorSeconds = Math.floor((calls - 1) / 60.0) * 60;
            System.out.printf(Locale.ROOT,
                    "c. with Xero's limits: %.1f s for %d calls; floor %.0f s by fixed minute windows from the first"
                            + " call ((calls - 1) div 60 whole minutes) -> %.2fx of that; %.0f s by calls/60 per"
                            + " minute -> %.2fx%n",
                    seconds, calls, floorSeconds, seconds / Math.max(1, floorSeconds), (double) calls, seconds / calls);
        }
        if (gcLog != null) {
            System.out.println("d. Kontor heap (GC log): " + Gc.summary(gcLog));
        }
        System.out.printf(Locale.ROOT, "e. bytes downloaded: %,d = %,.0f bytes per contact%n", bytes,
                bytes / (double) contacts);
        System.out.println("CPU cores during the import: Kontor / simulator / PostgreSQL / client / others = "
                + cpuUsed);
        System.out.println("Load average (1 min): " + loadBefore + " before, " + loadAfter + " at the end");
        if (samplesEvery > 0 && kontorPid > 0) {
            sampler.report();
        }
        if (histogram != null && kontorPid > 0) {
            System.out.println("Kontor's heap histogram at " + histogram + " (jcmd GC.class_histogram, top 12):");
            System.out.print(histogramAt);
        }

        if (webhooks > 0) {
            webhookLatency(webhooks, webhookRate, webhookKey);
        }
        System.exit(0);
    }

    static String histogramAt;

    static String jcmd(String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(kontorPid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    // ---- setup ---------------------------------------------------------------------------------------

    static void signIn(Path kontorLog) throws Exception {
        Matcher m = Pattern.compile("Demo sign-in: admin@example\\.com password: (\\S+)")
                .matcher(Files.readString(kontorLog));
        String password = null;
        while (m.find()) {
            password = m.group(1);
        }
        if (password == null) {
            throw new IllegalStateException("No 'Demo sign-in: admin@example.com' line in Kontor's log");
        }
        String token = hidden(get(kontor + "/login").body(), "_csrf");
        var answer = post(kontor + "/login", form(Map.of("email", "admin@example.com", "password", password,
                "_csrf", token)));
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("failed")) {
            throw new IllegalStateException("Sign-in failed: " + answer.statusCode() + " " + location);
        }
    }

    /** Kontor's Connect button, up to the simulator's consent page; returns the form to post. */
    static String consentPage() throws Exception {
        String settings = kontor + "/settings/integrations/xero";
        String token = hidden(get(settings).body(), "_csrf");
        var answer = post(settings + "/connect", form(Map.of("_csrf", token)));
        String location = follow(answer, simulator + "/identity/connect/authorize");
        String consent = get(location).body();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
                .matcher(consent);
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        Matcher tenant = Pattern.compile("name=\"tenant\" value=\"([^\"]+)\"[^>]*> ([^<]+)</label>").matcher(consent);
        String tenantId = null;
        while (tenant.find()) {
            if (unescape(tenant.group(2)).equals(ORGANISATION)) {
                tenantId = tenant.group(1);
            }
        }
        if (tenantId == null) {
            throw new IllegalStateException("The simulator's consent page does not offer " + ORGANISATION);
        }
        fields.put("tenant", tenantId);
        fields.put("decision", "allow");
        return form(fields);
    }

    static void consent(String consentForm) throws Exception {
        String settings = kontor + "/settings/integrations/xero";
        var answer = post(simulator + "/identity/connect/authorize", consentForm);
        String location = follow(answer, settings);
        String page = get(location).body();
        if (!page.contains("Connected") || !page.contains(escape(ORGANISATION))) {
            throw new IllegalStateException("Kontor did not say Connected to " + ORGANISATION);
        }
    }

    static String follow(HttpResponse<String> answer, String until) throws Exception {
        for (int hops = 0; hops < 10; hops++) {
            if (answer.statusCode() / 100 != 3) {
                throw new IllegalStateException("Expected a redirect towards " + until + ", got "
                        + answer.statusCode() + " from " + answer.uri() + ": " + answer.body());
            }
            String location = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow()).toString();
            if (location.startsWith(until) && !location.startsWith(until + "/callback")) {
                return location;
            }
            answer = get(location);
        }
        throw new IllegalStateException("Too many redirects towards " + until);
    }

    // ---- webhooks ------------------------------------------------------------------------------------

    static void webhookLatency(int count, double rate, String key) throws Exception {
        String status = control("POST", "/webhook?url=" + enc(kontor + "/webhooks/xero") + "&key=" + enc(key)).trim();
        if (!status.equals("ACTIVE")) {
            throw new IllegalStateException("The simulator's webhook is " + status + ", not ACTIVE");
        }
        List<String[]> sample = control("GET", "/sample?n=" + count).lines().map(l -> l.split("\t", 2)).toList();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000L, 36);
        String[] names = new String[sample.size()];
        long[] intended = new long[sample.size()];
        long[] seen = new long[sample.size()];
        Arrays.fill(intended, Long.MAX_VALUE);
        ConcurrentHashMap<Integer, Boolean> pending = new ConcurrentHashMap<>();
        Cpu cpu = Cpu.now();
        long start = System.nanoTime() + 200_000_000L;
        long interval = (long) (1e9 / rate);
        // The poller: Kontor's most recently updated contacts, every 50 ms.
        Thread poller = Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                try {
                    var answer = get(kontor + "/api/v1/contacts?sort=recently_updated&status=all&size=200");
                    long at = System.nanoTime();
                    String body = answer.body();
                    for (Integer i : pending.keySet()) {
                        if (body.contains(names[i])) {
                            seen[i] = at;
                            pending.remove(i);
                        }
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.err.println("Polling Kontor failed: " + e);
                }
            }
        });
        int renameErrors = 0;
        try (var renames = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < sample.size(); i++) {
                int n = i;
                long at = start + i * interval;
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                names[n] = sample.get(n)[1] + " [wh" + run + "-" + n + "]";
                intended[n] = at;
                pending.put(n, true);
                renames.submit(() -> {
                    try {
                        control("POST", "/rename?id=" + sample.get(n)[0] + "&name=" + enc(names[n]));
                    } catch (Exception e) {
                        System.err.println("Rename failed: " + e);
                    }
                });
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        poller.interrupt();
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            if (seen[i] != 0) {
                latencies.add(seen[i] - intended[i]);
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.println();
        System.out.printf(Locale.ROOT,
                "f. webhook to visible: %d renames at %.1f/s; seen %d, never seen in 120 s %d; latency ms p50 %.0f,"
                        + " p95 %.0f, p99 %.0f, max %.0f (target p95 < 2000: %s)%n",
                sample.size(), rate, sorted.length, sample.size() - sorted.length, ms(at(sorted, 0.50)),
                ms(at(sorted, 0.95)), ms(at(sorted, 0.99)), ms(at(sorted, 1.0)),
                sorted.length == sample.size() && at(sorted, 0.95) < 2_000_000_000L ? "met" : "NOT met");
        System.out.println("Simulator webhook: " + control("GET", "/webhook").trim());
        var runs = get(kontor + "/api/v1/xero/sync/runs?limit=500").body();
        Matcher kinds = Pattern.compile("\"kind\"\\s*:\\s*\"([A-Z_]+)\"").matcher(runs);
        Map<String, Integer> byKind = new LinkedHashMap<>();
        while (kinds.find()) {
            byKind.merge(kinds.group(1), 1, Integer::sum);
        }
        System.out.println("Kontor's sync log (runs by kind): " + byKind);
        System.out.println("CPU cores during the webhook phase: Kontor / simulator / PostgreSQL / client / others = "
                + cpu.usedSince(seconds) + "; load average (1 min) " + loadAverage());
    }

    // ---- profile: jcmd Thread.print samples of the import's thread -----------------------------------

    static final class Sampler {
        final Map<String, Integer> classes = new ConcurrentHashMap<>();
        final Map<String, Integer> tops = new ConcurrentHashMap<>();
        final Map<String, Integer> kontorFrames = new ConcurrentHashMap<>();
        final Map<String, Integer> callers = new ConcurrentHashMap<>();
        int samples;
        int withImport;

        void sample() {
            try {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(kontorPid), "Thread.print").redirectErrorStream(true).start();
                String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                samples++;
                for (String thread : dump.split("\n\n")) {
                    if (!thread.contains("app.kontor.xerosync.ImportRunner")) {
                        continue;
                    }
                    withImport++;
                    List<String> frames = thread.lines().map(String::trim).filter(l -> l.startsWith("at "))
                            .map(l -> l.substring(3)).map(l -> l.replaceAll("\\(.*\\)$", "")).toList();
                    if (frames.isEmpty()) {
                        continue;
                    }
                    tops.merge(frames.getFirst(), 1, Integer::sum);
                    classes.merge(classify(frames), 1, Integer::sum);
                    frames.stream().filter(f -> f.startsWith("app.kontor.")).findFirst()
                            .ifPresent(f -> kontorFrames.merge(f, 1, Integer::sum));
                    // The deepest two Kontor frames: which of Kontor's steps, and from where.
                    List<String> kontorOnly = frames.stream().filter(f -> f.startsWith("app.kontor.")).limit(3).toList();
                    callers.merge(String.join(" < ", kontorOnly), 1, Integer::sum);
                }
            } catch (Exception e) {
                // a missed sample
            }
        }

        static String classify(List<String> frames) {
            String all = String.join("\n", frames);
            String top = frames.getFirst();
            if (all.contains("jdk.internal.net.http") || all.contains("java.net.http")) {
                return "Xero HTTP (JDK HttpClient: waiting for or reading the page)";
            }
            if (all.contains("tools.jackson") || all.contains("com.fasterxml.jackson")) {
                return "JSON (Jackson)";
            }
            if (all.contains("org.postgresql")) {
                return top.contains("SocketInputStream") || top.contains("NioSocketImpl") || top.contains("read")
                        ? "JDBC: waiting for PostgreSQL" : "JDBC: PostgreSQL driver work";
            }
            if (all.contains("org.h2")) {
                return "JDBC: H2 (in-process database)";
            }
            if (all.contains("com.zaxxer.hikari")) {
                return "JDBC: connection pool";
            }
            return "other: " + top;
        }

        void report() {
            System.out.printf(Locale.ROOT,
                    "Profile: %d jcmd Thread.print samples of Kontor, %d with the import's thread (ImportRunner)%n",
                    samples, withImport);
            print("  by kind", classes, 10);
            print("  top frames", tops, 12);
            print("  innermost Kontor frame", kontorFrames, 12);
            print("  innermost three Kontor frames", callers, 12);
        }

        void print(String title, Map<String, Integer> counts, int limit) {
            System.out.println(title + ":");
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                    .forEach(e -> System.out.printf(Locale.ROOT, "    %3d%% %4d  %s%n",
                            Math.round(100.0 * e.getValue() / Math.max(1, withImport)), e.getValue(), e.getKey()));
        }
    }

    // ---- GC log --------------------------------------------------------------------------------------

    static final class Gc {
        static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

        static String summary(Path log) throws IOException {
            long maxBefore = 0, maxAfter = 0, maxCommitted = 0;
            int pauses = 0;
            for (String line : Files.readAllLines(log)) {
                Matcher m = PAUSE.matcher(line);
                if (line.contains("Pause") && m.find()) {
                    pauses++;
                    maxBefore = Math.max(maxBefore, Long.parseLong(m.group(1)));
                    maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
                    maxCommitted = Math.max(maxCommitted, Long.parseLong(m.group(3)));
                }
            }
            return String.format(Locale.ROOT,
                    "peak used %d MB (before a collection), peak live %d MB (after one), peak committed %d MB, %d pauses"
                            + " (whole run: start-up, import and webhooks)",
                    maxBefore, maxAfter, maxCommitted, pauses);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    static String control(String method, String pathAndQuery) throws Exception {
        var answer = web.send(HttpRequest.newBuilder(URI.create(control + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Simulator control " + method + " " + pathAndQuery + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    static Map<String, String> stats(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        text.lines().filter(l -> l.contains("=")).forEach(l -> out.put(l.substring(0, l.indexOf('=')),
                l.substring(l.indexOf('=') + 1)));
        return out;
    }

    static HttpResponse<String> get(String url) throws Exception {
        return web.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json, text/html")
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String form) throws Exception {
        return web.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String form(Map<String, String> fields) {
        var out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return out.toString();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No hidden field " + name);
        }
        return unescape(m.group(1));
    }

    static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static long at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** CPU time from /proc in clock ticks (100 a second). */
    record Cpu(long machine, long client, long kontor, long simulator, long postgres) {

        static final double TICKS = 100.0;

        static Cpu now() {
            return new Cpu(machineBusy(), process("self"), process(Long.toString(kontorPid)),
                    process(Long.toString(simulatorPid)), postgresTicks());
        }

        String usedSince(double seconds) {
            Cpu end = now();
            double k = (end.kontor - kontor) / TICKS / seconds;
            double s = (end.simulator - simulator) / TICKS / seconds;
            double pg = (end.postgres - postgres) / TICKS / seconds;
            double me = (end.client - client) / TICKS / seconds;
            double all = (end.machine - machine) / TICKS / seconds;
            return String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f / %.2f", k, s, pg, me,
                    Math.max(0, all - k - s - pg - me));
        }

        static long machineBusy() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                        + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** Every process named postgres (the server and its backends, live ones only). */
        static long postgresTicks() {
            long total = 0;
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : dirs.toList()) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        if (stat.contains("(postgres)")) {
                            total += process(name);
                        }
                    } catch (IOException e) {
                        // gone
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return total;
        }

        static long process(String pid) {
            if (pid.startsWith("-")) {
                return 0;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }
}
