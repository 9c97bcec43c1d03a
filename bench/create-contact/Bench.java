/*
 * Create Contact benchmark client: POST /api/v1/contacts/{id}/xero against a Kontor connected to a Xero
 * simulator in another JVM. Single file, JDK 25, no dependencies:
 *
 *   java Bench.java --kontor http://localhost:8080 --simulator http://127.0.0.1:8089 --kontor-log FILE
 *        [--organisation "Harbour & Finch Advisory"] [--kontor-pid N] [--simulator-pid N] [--proxy-pid N]
 *        [--warmup CREATES] [--creates N] [--rate PER_SECOND ...] [--max-connections N]
 *
 * 1. Setup (not timed): reads the admin's demo password from Kontor's start-up log (it is never printed),
 *    signs in with the login form, connects Kontor to the organisation through the simulator's consent form
 *    (no browser), and creates warm-up + rates x creates Kontor contacts with unique names and emails
 *    through POST /api/v1/contacts.
 * 2. Warm-up (not reported): --warmup creates at the first rate.
 * 3. For each --rate: --creates Create Contact requests start on a fixed schedule whatever the answers do
 *    (open loop; at most --max-connections in flight, on keep-alive HTTP/1.1 sockets). A request's total
 *    latency runs from its intended start on the schedule to the last byte of its answer, so a stall delays
 *    the requests behind it and they count it (no coordinated omission). Kontor's answer carries
 *    Server-Timing: xero;dur=MS, the time it spent waiting for the simulator; Kontor's share of each request
 *    is its total latency minus that dur (so it also holds the client's queueing, loopback and this client's
 *    own parsing: an upper bound on Kontor's time).
 *
 * Reports p50/p95/p99/max of total, Xero (dur) and Kontor's share; errors (anything but 201 with a
 * Server-Timing header, or an I/O failure); the simulator requests per create (from its request log); the
 * CPU used by Kontor, the simulator, the budget proxy, this client and everything else (from /proc); the
 * load average.
 */

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Bench {

    static String kontor;
    static String simulator;
    static String host;
    static int port;
    static String session;
    static String csrf;
    static int maxConnections = 64;
    static long kontorPid = -1;
    static long simulatorPid = -1;
    static long proxyPid = -1;
    static String proxy;
    static final LongAdder errors = new LongAdder();
    static volatile String firstError;

    static final HttpClient web = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static void main(String[] args) throws Exception {
        Path kontorLog = null;
        String organisation = "Harbour & Finch Advisory";
        int warmup = 200;
        int creates = 1000;
        List<Integer> rates = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kontor" -> kontor = strip(args[++i]);
                case "--simulator" -> simulator = strip(args[++i]);
                case "--kontor-log" -> kontorLog = Path.of(args[++i]);
                case "--organisation" -> organisation = args[++i];
                case "--kontor-pid" -> kontorPid = Long.parseLong(args[++i]);
                case "--simulator-pid" -> simulatorPid = Long.parseLong(args[++i]);
                case "--proxy-pid" -> proxyPid = Long.parseLong(args[++i]);
                case "--proxy" -> proxy = strip(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--creates" -> creates = Integer.parseInt(args[++i]);
                case "--rate" -> rates.add(Integer.parseInt(args[++i]));
                case "--max-connections" -> maxConnections = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (kontor == null || simulator == null || kontorLog == null) {
            throw new IllegalArgumentException("--kontor, --simulator and --kontor-log are required");
        }
        if (rates.isEmpty()) {
            rates = List.of(10, 20);
        }
        URI uri = URI.create(kontor);
        host = uri.getHost();
        port = uri.getPort();

        long setup = System.nanoTime();
        signIn(kontorLog);
        connect(organisation);
        csrf = meta(get(kontor + "/contacts").body(), "csrf-token");
        session = cookie("KONTOR_SESSION");
        int total = warmup + creates * rates.size();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        List<String> ids = createKontorContacts(run, total);
        System.out.printf(
                Locale.ROOT,
                "Setup: signed in, connected to %s, created %,d Kontor contacts (\"Bench %s 00001\"...) in %.1f s%n",
                organisation,
                ids.size(),
                run,
                (System.nanoTime() - setup) / 1e9);

        int next = 0;
        if (warmup > 0) {
            System.out.printf("Warm-up: %,d creates at %d/s (not reported)%n", warmup, rates.getFirst());
            openLoop(ids.subList(next, next + warmup), next, rates.getFirst());
            next += warmup;
        }
        List<Result> results = new ArrayList<>();
        for (int rate : rates) {
            Result result = openLoop(ids.subList(next, next + creates), next, rate);
            next += creates;
            results.add(result);
            System.out.println(result.summary());
        }

        System.out.println();
        System.out.println("| Rate | Measure | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.println(r.latencyRows());
        }
        System.out.println();
        System.out.println("| Rate | Created | Errors | Achieved rate | Connections | Simulator requests per create"
                + " | Per create, mean: at the simulator (from the proxy) / added by the proxy"
                + " | CPU cores: Kontor / simulator / proxy / client / others | Load average (1 min, at the end) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.println(r.runRow());
        }
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT, "Kontor's share p95 at %d/s: %.1f ms, target < 20 ms: %s%n", r.rate,
                    r.kontorP95(), r.kontorP95() < 20 ? "met" : "NOT met");
        }
        if (firstError != null) {
            System.out.println("First error: " + firstError);
        }
    }

    // ---- setup (not timed) -------------------------------------------------------------------------

    static void signIn(Path kontorLog) throws Exception {
        Matcher m = Pattern.compile("Demo sign-in: admin@example\\.com password: (\\S+)")
                .matcher(Files.readString(kontorLog));
        String password = null;
        while (m.find()) {
            password = m.group(1); // the last start's password
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

    static void connect(String organisation) throws Exception {
        String settings = kontor + "/settings/integrations/xero";
        String token = hidden(get(settings).body(), "_csrf");
        var answer = post(settings + "/connect", form(Map.of("_csrf", token)));
        // Kontor -> /oauth2/authorization/xero -> the simulator's consent page
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
            if (unescape(tenant.group(2)).equals(organisation)) {
                tenantId = tenant.group(1);
            }
        }
        if (tenantId == null) {
            throw new IllegalStateException("The simulator's consent page does not offer " + organisation);
        }
        fields.put("tenant", tenantId);
        fields.put("decision", "allow");
        answer = post(simulator + "/identity/connect/authorize", form(fields));
        // the simulator -> Kontor's callback -> ... -> the Xero settings page
        location = follow(answer, settings);
        String page = get(location).body();
        if (!page.contains("Connected") || !page.contains(escape(organisation))) {
            throw new IllegalStateException("Kontor did not say Connected to " + organisation);
        }
    }

    /** Follows redirects until one leads to a URL starting with {@code until}; returns that URL. */
    static String follow(HttpResponse<String> answer, String until) throws Exception {
        for (int hops = 0; hops < 10; hops++) {
            if (answer.statusCode() / 100 != 3) {
                throw new IllegalStateException("Expected a redirect towards " + until + ", got "
                        + answer.statusCode() + " from " + answer.uri());
            }
            String location = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow()).toString();
            if (location.startsWith(until) && !location.startsWith(until + "/callback")) {
                return location;
            }
            answer = get(location);
        }
        throw new IllegalStateException("Too many redirects towards " + until);
    }

    static List<String> createKontorContacts(String run, int count) throws Exception {
        String[] ids = new String[count];
        AtomicInteger failed = new AtomicInteger();
        Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
        Semaphore parallel = new Semaphore(4);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int n = i;
                parallel.acquireUninterruptibly();
                workers.submit(() -> {
                    try {
                        String number = String.format(Locale.ROOT, "%05d", n + 1);
                        String json = "{\"type\":\"ORGANISATION\",\"name\":\"Bench " + run + " " + number + " Ltd\","
                                + "\"emails\":[{\"address\":\"bench-" + run + "-" + number
                                + "@example.com\",\"billing\":true}],"
                                + "\"phones\":[{\"number\":\"09 555 0123\",\"primary\":true}],"
                                + "\"addresses\":[{\"line1\":\"" + (n + 1) + " Main St\",\"city\":\"Auckland\","
                                + "\"country\":\"New Zealand\",\"billing\":true}]}";
                        var answer = web.send(
                                HttpRequest.newBuilder(URI.create(kontor + "/api/v1/contacts"))
                                        .header("Content-Type", "application/json")
                                        .header("Accept", "application/json")
                                        .header("X-CSRF-TOKEN", csrf)
                                        .POST(HttpRequest.BodyPublishers.ofString(json))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        Matcher m = id.matcher(answer.body());
                        if (answer.statusCode() != 201 || !m.find()) {
                            if (failed.getAndIncrement() == 0) {
                                System.err.println("Creating a Kontor contact answered " + answer.statusCode() + ": "
                                        + answer.body());
                            }
                        } else {
                            ids[n] = m.group(1);
                        }
                    } catch (Exception e) {
                        if (failed.getAndIncrement() == 0) {
                            System.err.println("Creating a Kontor contact failed: " + e);
                        }
                    } finally {
                        parallel.release();
                    }
                });
            }
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " Kontor contacts could not be created");
        }
        return List.of(ids);
    }

    static HttpResponse<String> get(String url) throws Exception {
        return web.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String form) throws Exception {
        return web.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String form(Map<String, String> fields) {
        var out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No hidden field " + name);
        }
        return unescape(m.group(1));
    }

    static String meta(String html, String name) {
        Matcher m = Pattern.compile("<meta name=\"" + Pattern.quote(name) + "\" content=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No meta " + name);
        }
        return unescape(m.group(1));
    }

    static String cookie(String name) {
        return ((CookieManager) web.cookieHandler().orElseThrow())
                .getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(c -> c.getValue())
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("No " + name + " cookie"));
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

    // ---- open loop: latency at a fixed arrival rate ------------------------------------------------

    record Result(int rate, int requested, long[] total, long[] xero, long[] kontor, long errors, double achieved,
            int connections, String simulatorCalls, String proxied, long[] strict, long[] inKontorClient, String cpu,
            String load) {

        double kontorP95() {
            return ms(at(sorted(kontor), 0.95));
        }

        String summary() {
            return String.format(
                    Locale.ROOT,
                    "%d/s: %,d created, %d errors; total p95 %.1f ms, Xero p95 %.1f ms, Kontor's share p95 %.1f ms",
                    rate, total.length, errors, ms(at(sorted(total), 0.95)), ms(at(sorted(xero), 0.95)),
                    kontorP95());
        }

        String latencyRows() {
            return String.format(Locale.ROOT, "| %d/s | total (from the intended start) | %s |%n", rate, percentiles(total))
                    + String.format(Locale.ROOT, "| %d/s | Xero (Server-Timing dur) | %s |%n", rate, percentiles(xero))
                    + String.format(Locale.ROOT, "| %d/s | **Kontor's share** (total − dur) | %s |", rate,
                            percentiles(kontor))
                    + (strict.length == 0 ? "" : String.format(Locale.ROOT,
                            "%n| %d/s | Kontor's share, strict (total − time in the proxy and the simulator; %,d requests)"
                                    + " | %s |%n| %d/s | inside dur but not at the simulator (dur − time in the proxy and"
                                    + " the simulator) | %s |",
                            rate, strict.length, percentiles(strict), rate, percentiles(inKontorClient)));
        }

        String runRow() {
            return String.format(
                    Locale.ROOT, "| %d/s for %,d creates | %,d | %d | %.1f/s | %d (at most %d) | %s | %s | %s | %s |",
                    rate, requested, total.length, errors, achieved, connections, maxConnections, simulatorCalls,
                    proxied, cpu, load);
        }
    }

    /** {@code offset}: the index of {@code ids.get(0)} among all the contacts, whose numbers start at 1. */
    static Result openLoop(List<String> ids, int offset, int rate) throws Exception {
        errors.reset();
        int count = ids.size();
        long[] total = new long[count];
        long[] xero = new long[count];
        Arrays.fill(total, -1);
        ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
        AtomicInteger opened = new AtomicInteger();
        Semaphore inFlight = new Semaphore(maxConnections);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        clearSimulatorLog();
        proxyStats("DELETE");
        Cpu cpu = Cpu.now();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                long intended = start + i * interval;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = i;
                String id = ids.get(i);
                workers.submit(() -> {
                    // A request waiting for a connection is still timed from its intended start.
                    inFlight.acquireUninterruptibly();
                    Connection c = idle.poll();
                    try {
                        if (c == null) {
                            c = new Connection();
                            opened.incrementAndGet();
                        }
                        Answer a = c.post("/api/v1/contacts/" + id + "/xero");
                        long done = System.nanoTime();
                        if (a.status != 201) {
                            fail("status " + a.status + ": " + a.body);
                        } else if (a.xeroNanos < 0) {
                            fail("no Server-Timing xero dur on a 201");
                        } else {
                            total[index] = done - intended;
                            xero[index] = a.xeroNanos;
                        }
                        if (a.close) {
                            closeQuietly(c);
                        } else {
                            idle.add(c);
                        }
                    } catch (IOException e) {
                        fail(e.toString());
                        closeQuietly(c);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        String cpuUse = cpu.usedSince(elapsed);
        String load = loadAverage();
        String proxied = proxyStats("GET");
        Map<String, Long> atProxy = proxyContacts();
        idle.forEach(Bench::closeQuietly);
        int ok = (int) Arrays.stream(total).filter(t -> t >= 0).count();
        long[] okTotal = new long[ok];
        long[] okXero = new long[ok];
        long[] okKontor = new long[ok];
        List<Long> strict = new ArrayList<>();
        List<Long> inKontorClient = new ArrayList<>();
        for (int i = 0, j = 0; i < count; i++) {
            if (total[i] >= 0) {
                okTotal[j] = total[i];
                okXero[j] = xero[i];
                okKontor[j] = total[i] - xero[i];
                Long there = atProxy.get(String.format(Locale.ROOT, "%05d", offset + i + 1));
                if (there != null) {
                    strict.add(total[i] - there);
                    inKontorClient.add(xero[i] - there);
                }
                j++;
            }
        }
        return new Result(rate, count, okTotal, okXero, okKontor, errors.sum(), ok / elapsed, opened.get(),
                simulatorCalls(count), perCreate(proxied, count), toArray(strict), toArray(inKontorClient), cpuUse, load);
    }

    static void clearSimulatorLog() {
        try {
            web.send(HttpRequest.newBuilder(URI.create(simulator + "/_xerosim/requests")).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            System.err.println("Could not clear the simulator's request log: " + e);
        }
    }

    /** The proxy's totals (GET), or its totals before it starts again (DELETE); "" without a proxy. */
    static String proxyStats(String method) {
        if (proxy == null) {
            return "";
        }
        try {
            return web.send(HttpRequest.newBuilder(URI.create(proxy + "/_proxy/stats")).method(method,
                    HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }

    /** Contact number → nanoseconds its calls spent in the proxy and the simulator; empty without a proxy. */
    static Map<String, Long> proxyContacts() {
        Map<String, Long> times = new java.util.HashMap<>();
        if (proxy == null) {
            return times;
        }
        try {
            for (String line : get(proxy + "/_proxy/contacts").body().split("\n")) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2) {
                    times.put(parts[0], Long.parseLong(parts[1]));
                }
            }
        } catch (Exception e) {
            System.err.println("Could not read the proxy's times: " + e);
        }
        return times;
    }

    static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** "N requests, U ms upstream, A ms added" over the creates of a run: "U/creates ms / A/creates ms". */
    static String perCreate(String stats, int creates) {
        Matcher m = Pattern.compile("(\\d+) requests, ([0-9.]+) ms upstream, ([0-9.]+) ms added").matcher(stats);
        if (!m.find()) {
            return "?";
        }
        return String.format(Locale.ROOT, "%.1f ms / %.1f ms", Double.parseDouble(m.group(2)) / creates,
                Double.parseDouble(m.group(3)) / creates);
    }

    /** Counts the simulator's logged requests by method and path, per create. */
    static String simulatorCalls(int creates) {
        try {
            String log = get(simulator + "/_xerosim/requests").body();
            Map<String, Integer> counts = new TreeMap<>();
            Matcher m = Pattern.compile("\"method\"\\s*:\\s*\"(\\w+)\"\\s*,\\s*\"path\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(log);
            while (m.find()) {
                if (!m.group(2).startsWith("/_xerosim")) {
                    counts.merge(m.group(1) + " " + m.group(2), 1, Integer::sum);
                }
            }
            if (counts.isEmpty()) {
                return "?";
            }
            var out = new StringBuilder();
            counts.forEach((call, n) -> out.append(out.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.2f", call, n / (double) creates)));
            return out.toString();
        } catch (Exception e) {
            return "?";
        }
    }

    // ---- shared ------------------------------------------------------------------------------------

    static void fail(String message) {
        errors.increment();
        if (firstError == null) {
            firstError = message;
            System.err.println("First error: " + message);
        }
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    static String percentiles(long[] nanos) {
        if (nanos.length == 0) {
            return "- | - | - | -";
        }
        long[] s = sorted(nanos);
        return String.format(Locale.ROOT, "%.1f | %.1f | %.1f | %.1f",
                ms(at(s, 0.50)), ms(at(s, 0.95)), ms(at(s, 0.99)), ms(s[s.length - 1]));
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

    static void closeQuietly(Connection c) {
        if (c != null) {
            c.close();
        }
    }

    record Answer(int status, String body, long xeroNanos, boolean close) {}

    /** CPU time from /proc in clock ticks (100 a second): Kontor's, the simulator's, the proxy's, this client's. */
    record Cpu(long machine, long client, long kontor, long simulator, long proxy) {

        static final double TICKS = 100.0;

        static Cpu now() {
            return new Cpu(machineBusy(), process("self"), process(Long.toString(kontorPid)),
                    process(Long.toString(simulatorPid)), process(Long.toString(proxyPid)));
        }

        String usedSince(double seconds) {
            Cpu end = now();
            double k = (end.kontor - kontor) / TICKS / seconds;
            double s = (end.simulator - simulator) / TICKS / seconds;
            double p = (end.proxy - proxy) / TICKS / seconds;
            double me = (end.client - client) / TICKS / seconds;
            double all = (end.machine - machine) / TICKS / seconds;
            return String.format(
                    Locale.ROOT, "%.2f / %.2f / %.2f / %.2f / %.2f", k, s, p, me, Math.max(0, all - k - s - p - me));
        }

        static long machineBusy() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                // cpu user nice system idle iowait irq softirq steal ...
                return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                        + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        static long process(String pid) {
            if (pid.startsWith("-")) {
                return 0;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    /** One keep-alive HTTP/1.1 connection to Kontor; reads Content-Length and chunked answers. */
    static final class Connection implements AutoCloseable {

        private static final Pattern DUR = Pattern.compile("(?:^|[,\\s])xero;[^,]*?dur=([0-9.]+)");

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        Answer post(String path) throws IOException {
            String request = "POST " + path + " HTTP/1.1\r\n"
                    + "Host: " + host + ":" + port + "\r\n"
                    + "Cookie: KONTOR_SESSION=" + session + "\r\n"
                    + "X-CSRF-TOKEN: " + csrf + "\r\n"
                    + "Accept: application/json\r\n"
                    + "Content-Length: 0\r\n"
                    + "\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new IOException("Bad status line: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            long xero = -1;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                } else if (lower.startsWith("server-timing:")) {
                    Matcher m = DUR.matcher(lower.substring(14).trim());
                    if (m.find()) {
                        xero = Math.round(Double.parseDouble(m.group(1)) * 1e6);
                    }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = chunk(); size > 0; size = chunk()) {
                    body.write(in.readNBytes(size));
                    line();
                }
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers: none expected
                }
            } else if (length >= 0) {
                byte[] bytes = in.readNBytes(length);
                if (bytes.length < length) {
                    throw new IOException("Body cut at " + bytes.length + " of " + length + " bytes");
                }
                body.write(bytes);
            } else {
                throw new IOException("Neither Content-Length nor chunked");
            }
            return new Answer(code, body.toString(StandardCharsets.UTF_8), xero, close);
        }

        private int chunk() throws IOException {
            String size = line();
            if (size == null) {
                throw new IOException("Connection closed inside a chunked body");
            }
            int semicolon = size.indexOf(';');
            return Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    int n = line.length();
                    return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
                }
                line.append((char) b);
            }
            return line.isEmpty() ? null : line.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
