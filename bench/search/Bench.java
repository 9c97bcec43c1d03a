/*
 * Contact list, search and contact page benchmark client: GET /contacts, GET /contacts?q=... and
 * GET /contacts/{id} against a Kontor whose practice holds many contacts (run.sh loads them). Single file,
 * JDK 25, no dependencies:
 *
 *   java Bench.java --kontor http://localhost:8080 --kontor-log FILE --ids FILE --terms FILE
 *        [--kontor-pid N] [--rate PER_SECOND ...] [--seconds N] [--warmup SECONDS]
 *        [--closed CLIENTS ...] [--closed-seconds N] [--max-connections N]
 *
 * 1. Setup (not timed): reads the admin's demo password from Kontor's start-up log (never printed) and signs
 *    in with the login form; the session cookie goes with every request.
 * 2. Warm-up (not reported): --warmup seconds, closed loop, 4 clients, all three kinds mixed.
 * 3. For each --rate and each kind (list, search, contact page): --seconds of requests of that kind that
 *    start on a fixed schedule whatever the answers do (open loop; at most --max-connections in flight, on
 *    keep-alive HTTP/1.1 sockets). A request's latency runs from its intended start on the schedule to the
 *    last byte of its answer, so a stall delays the requests behind it and they count it (no coordinated
 *    omission).
 * 4. Maximum throughput: for each --closed client count and each kind, --closed-seconds of closed loop (each
 *    client sends its next request as soon as it has read the answer). Requests/s is the figure.
 *
 * Kinds: "list" cycles through the first page in each sort, pages 2 to 20, All contacts and People only;
 * "search" cycles through the --terms file's kinds (name: 4 letters of a surname, many matches; rare: most
 * of a made-up organisation word, a handful; email: "@" and the start of a domain; phone: 6 digits typed as
 * "123 456"), each term as typed in the search box; "contact" opens contact pages from the --ids file.
 * An error is anything but a 200 whose body has the list's count line (list, search) or the Xero Client
 * section (contact page), or an I/O failure. Also reports the CPU used by Kontor, PostgreSQL (all its
 * processes), this client and everything else (from /proc) and the load average.
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Bench {

    static String kontor;
    static String host;
    static int port;
    static String session;
    static int maxConnections = 64;
    static long kontorPid = -1;
    static final LongAdder errors = new LongAdder();
    static volatile String firstError;

    static final HttpClient web = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One request: its path, and the search kind it belongs to ("" for list and contact). */
    record Target(String path, String group) {}

    public static void main(String[] args) throws Exception {
        Path kontorLog = null, idsFile = null, termsFile = null;
        int seconds = 30, warmup = 20, closedSeconds = 15;
        List<Integer> rates = new ArrayList<>();
        List<Integer> closed = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kontor" -> kontor = strip(args[++i]);
                case "--kontor-log" -> kontorLog = Path.of(args[++i]);
                case "--ids" -> idsFile = Path.of(args[++i]);
                case "--terms" -> termsFile = Path.of(args[++i]);
                case "--kontor-pid" -> kontorPid = Long.parseLong(args[++i]);
                case "--rate" -> rates.add(Integer.parseInt(args[++i]));
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--closed" -> closed.add(Integer.parseInt(args[++i]));
                case "--closed-seconds" -> closedSeconds = Integer.parseInt(args[++i]);
                case "--max-connections" -> maxConnections = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (kontor == null || kontorLog == null || idsFile == null || termsFile == null) {
            throw new IllegalArgumentException("--kontor, --kontor-log, --ids and --terms are required");
        }
        if (rates.isEmpty()) {
            rates = List.of(50, 200);
        }
        if (closed.isEmpty()) {
            closed = List.of(4);
        }
        URI uri = URI.create(kontor);
        host = uri.getHost();
        port = uri.getPort();
        signIn(kontorLog);
        session = cookie("KONTOR_SESSION");

        Map<String, List<Target>> kinds = new LinkedHashMap<>();
        kinds.put("list", listTargets());
        kinds.put("search", searchTargets(termsFile));
        kinds.put("contact", Files.readAllLines(idsFile).stream()
                .filter(line -> !line.isBlank())
                .map(id -> new Target("/contacts/" + id.strip(), ""))
                .toList());
        String total = get(kontor + "/contacts").body();
        Matcher count = Pattern.compile("of ([0-9,]+) contacts").matcher(total);
        System.out.println("Setup: signed in; the list says " + (count.find() ? count.group(1) : "?")
                + " active contacts; " + kinds.get("search").size() + " search terms, " + kinds.get("contact").size()
                + " contact ids");

        if (warmup > 0) {
            List<Target> mixed = new ArrayList<>();
            kinds.values().forEach(mixed::addAll);
            java.util.Collections.shuffle(mixed, new java.util.Random(7));
            System.out.printf("Warm-up: %d s closed loop, 4 clients, all kinds mixed (not reported)%n", warmup);
            closedLoop("warm-up", mixed, 4, warmup);
        }

        List<Result> results = new ArrayList<>();
        for (int rate : rates) {
            for (var kind : kinds.entrySet()) {
                Result r = openLoop(kind.getKey(), kind.getValue(), rate, seconds);
                results.add(r);
                System.out.println(r.summary());
            }
        }
        List<Result> maxima = new ArrayList<>();
        for (int clients : closed) {
            for (var kind : kinds.entrySet()) {
                Result r = closedLoop(kind.getKey(), kind.getValue(), clients, closedSeconds);
                maxima.add(r);
                System.out.println(r.summary());
            }
        }

        System.out.println();
        System.out.println("| Run | Requests | Errors | Achieved rate | p50 ms | p95 ms | p99 ms | max ms"
                + " | CPU cores: Kontor / PostgreSQL / client / others | Load average (1 min, at the end) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.println(r.row());
        }
        for (Result r : maxima) {
            System.out.println(r.row());
        }
        System.out.println();
        System.out.println("Search by kind of term (open loop):");
        System.out.println();
        System.out.println("| Rate | Term kind | Requests | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Result r : results) {
            if (r.kind.equals("search")) {
                r.byGroup.forEach((group, nanos) -> System.out.printf(Locale.ROOT, "| %d/s | %s | %,d | %s |%n",
                        r.rate, group, nanos.length, percentiles(nanos)));
            }
        }
        System.out.println();
        for (Result r : results) {
            if (r.rate == 50) {
                double target = r.kind.equals("contact") ? 20 : 50;
                double p95 = ms(at(sorted(r.nanos), 0.95));
                System.out.printf(Locale.ROOT, "%s p95 at 50/s: %.1f ms, target < %.0f ms: %s%n", r.kind, p95, target,
                        p95 < target && r.errors == 0 ? "met" : "NOT met");
            }
        }
        if (firstError != null) {
            System.out.println("First error: " + firstError);
        }
    }

    static List<Target> listTargets() {
        List<Target> targets = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            targets.add(new Target("/contacts", ""));
            targets.add(new Target("/contacts?sort=name_desc", ""));
            targets.add(new Target("/contacts?sort=recently_updated", ""));
            targets.add(new Target("/contacts?page=" + (2 + round * 6), ""));
            targets.add(new Target("/contacts?status=all", ""));
            targets.add(new Target("/contacts?type=person&sort=recently_updated", ""));
            targets.add(new Target("/contacts?status=archived", ""));
            targets.add(new Target("/contacts?page=" + (5 + round * 5) + "&sort=recently_updated", ""));
        }
        return targets;
    }

    /** The terms file's kinds interleaved (name, rare, email, phone, name, ...), as typed in the search box. */
    static List<Target> searchTargets(Path termsFile) throws IOException {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (String line : Files.readAllLines(termsFile)) {
            String[] parts = line.split("\t", 2);
            if (parts.length == 2) {
                byKind.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
            }
        }
        List<Target> targets = new ArrayList<>();
        int longest = byKind.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (var kind : byKind.entrySet()) {
                List<String> terms = kind.getValue();
                String term = terms.get(i % terms.size());
                targets.add(new Target("/contacts?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8), kind.getKey()));
            }
        }
        return targets;
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
        return m.group(1).replace("&quot;", "\"").replace("&amp;", "&");
    }

    static String cookie(String name) {
        return ((CookieManager) web.cookieHandler().orElseThrow())
                .getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(c -> c.getValue())
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("No " + name + " cookie"));
    }

    static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    // ---- the runs ----------------------------------------------------------------------------------

    record Result(String kind, String run, int rate, long[] nanos, Map<String, long[]> byGroup, long errors,
            double achieved, int connections, String cpu, String load) {

        String summary() {
            return String.format(Locale.ROOT, "%s, %s: %,d requests, %d errors, %.1f/s; p50 %.1f ms, p95 %.1f ms,"
                    + " p99 %.1f ms", kind, run, nanos.length, errors, achieved, ms(at(sorted(nanos), 0.50)),
                    ms(at(sorted(nanos), 0.95)), ms(at(sorted(nanos), 0.99)));
        }

        String row() {
            return String.format(Locale.ROOT, "| %s, %s | %,d | %d | %.1f/s | %s | %s | %s |", kind, run,
                    nanos.length, errors, achieved, percentiles(nanos), cpu, load);
        }
    }

    /** Checks an answer; returns true when it is what the page should be. */
    static boolean ok(String kind, Answer a) {
        if (a.status != 200) {
            fail(kind + ": status " + a.status);
            return false;
        }
        boolean expected = kind.equals("contact") ? a.body.contains(">Xero Client<") : a.body.contains("id=\"result-count\"");
        if (!expected) {
            fail(kind + ": a 200 without the expected content");
        }
        return expected;
    }

    static Result openLoop(String kind, List<Target> targets, int rate, int seconds) throws Exception {
        errors.reset();
        int count = rate * seconds;
        long[] latency = new long[count];
        Arrays.fill(latency, -1);
        ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
        AtomicInteger opened = new AtomicInteger();
        Semaphore inFlight = new Semaphore(maxConnections);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
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
                Target target = targets.get(i % targets.size());
                workers.submit(() -> {
                    // A request waiting for a connection is still timed from its intended start.
                    inFlight.acquireUninterruptibly();
                    Connection c = idle.poll();
                    try {
                        if (c == null) {
                            c = new Connection();
                            opened.incrementAndGet();
                        }
                        Answer a = c.get(target.path());
                        long done = System.nanoTime();
                        if (ok(kind, a)) {
                            latency[index] = done - intended;
                        }
                        if (a.close) {
                            closeQuietly(c);
                        } else {
                            idle.add(c);
                        }
                    } catch (IOException e) {
                        fail(kind + ": " + e);
                        closeQuietly(c);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        String cpuUse = cpu.usedSince(elapsed);
        idle.forEach(Bench::closeQuietly);
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (latency[i] >= 0) {
                all.add(latency[i]);
                String group = targets.get(i % targets.size()).group();
                if (!group.isEmpty()) {
                    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(latency[i]);
                }
            }
        }
        Map<String, long[]> byGroup = new LinkedHashMap<>();
        groups.forEach((g, list) -> byGroup.put(g, toArray(list)));
        return new Result(kind, String.format(Locale.ROOT, "open loop %d/s for %d s (%d connections, at most %d)",
                rate, seconds, opened.get(), maxConnections), rate, toArray(all), byGroup, errors.sum(),
                all.size() / elapsed, opened.get(), cpuUse, loadAverage());
    }

    static Result closedLoop(String kind, List<Target> targets, int clients, int seconds) throws Exception {
        errors.reset();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong next = new AtomicLong();
        Cpu cpu = Cpu.now();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < clients; n++) {
                workers.submit(() -> {
                    Connection c = null;
                    while (System.nanoTime() < end) {
                        Target target = targets.get((int) (next.getAndIncrement() % targets.size()));
                        try {
                            if (c == null) {
                                c = new Connection();
                            }
                            long sent = System.nanoTime();
                            Answer a = c.get(target.path());
                            long done = System.nanoTime();
                            String checked = kind.equals("warm-up")
                                    ? (target.path().matches("/contacts/[0-9a-f-]{36}") ? "contact" : "list")
                                    : kind;
                            if (ok(checked, a)) {
                                latencies.add(done - sent);
                            }
                            if (a.close) {
                                closeQuietly(c);
                                c = null;
                            }
                        } catch (IOException e) {
                            fail(kind + ": " + e);
                            closeQuietly(c);
                            c = null;
                        }
                    }
                    closeQuietly(c);
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] nanos = toArray(new ArrayList<>(latencies));
        return new Result(kind, String.format(Locale.ROOT, "closed loop, %d clients for %d s (max throughput)",
                clients, seconds), 0, nanos, Map.of(), errors.sum(), nanos.length / elapsed, clients,
                cpu.usedSince(elapsed), loadAverage());
    }

    // ---- shared ------------------------------------------------------------------------------------

    static void fail(String message) {
        errors.increment();
        if (firstError == null) {
            firstError = message;
            System.err.println("First error: " + message);
        }
    }

    static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
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

    record Answer(int status, String body, boolean close) {}

    /** CPU time from /proc in clock ticks (100 a second): Kontor's, PostgreSQL's (all its processes), this client's. */
    record Cpu(long machine, long client, long kontor, long postgres) {

        static final double TICKS = 100.0;

        static Cpu now() {
            return new Cpu(machineBusy(), process("self"), process(Long.toString(kontorPid)), postgresTicks());
        }

        String usedSince(double seconds) {
            Cpu end = now();
            double k = (end.kontor - kontor) / TICKS / seconds;
            double p = Math.max(0, end.postgres - postgres) / TICKS / seconds;
            double me = (end.client - client) / TICKS / seconds;
            double all = (end.machine - machine) / TICKS / seconds;
            return String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f", k, p, me, Math.max(0, all - k - p - me));
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

        /** Every process named postgres: the server's backends, including those of other databases. */
        static long postgresTicks() {
            long sum = 0;
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        if (comm.startsWith("postgres")) {
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return sum;
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

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        Answer get(String path) throws IOException {
            String request = "GET " + path + " HTTP/1.1\r\n"
                    + "Host: " + host + ":" + port + "\r\n"
                    + "Cookie: KONTOR_SESSION=" + session + "\r\n"
                    + "Accept: text/html\r\n"
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
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
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
            return new Answer(code, body.toString(StandardCharsets.UTF_8), close);
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
