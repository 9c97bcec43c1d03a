/*
 * HTTP load client for the Xero simulator's GET /Contacts benchmark. Single file, JDK 25, no dependencies:
 *
 *   java Bench.java --base http://127.0.0.1:8089 --tenant ID --token TOKEN [--pages 100] [--page-size 1000]
 *        [--warmup SECONDS] [--closed CLIENTS:SECONDS ...] [--open RATE:SECONDS ...] [--max-connections N]
 *
 * closed: CLIENTS threads, each sending the next page as soon as the previous answer is read in full;
 *         reports the maximum throughput in pages/s.
 * open:   requests start on a fixed schedule (RATE per second) whatever the answers do; a request's latency
 *         runs from its intended start on the schedule to the last byte of its answer, so a slow answer
 *         delays nothing and hides nothing (no coordinated omission). At most --max-connections (64)
 *         requests are in flight; one waiting for a connection is still timed from its intended start.
 *         Reports p50/p95/p99/max.
 *
 * Pages 1..PAGES are requested in turn, over and over. The client speaks plain HTTP/1.1 over keep-alive
 * sockets and reads each body into a reused buffer, so it spends as little of the machine as possible.
 */

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

public class Bench {

    static String host;
    static int port;
    static String tenant;
    static String token;
    static int pages = 100;
    static int pageSize = 1000;
    static int maxConnections = 64;
    static long serverPid = -1;
    static final AtomicLong nextPage = new AtomicLong();
    static final LongAdder errors = new LongAdder();
    static volatile String firstError;

    public static void main(String[] args) throws Exception {
        String base = null;
        int warmup = 15;
        List<int[]> closed = new ArrayList<>();
        List<int[]> open = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--tenant" -> tenant = args[++i];
                case "--token" -> token = args[++i];
                case "--pages" -> pages = Integer.parseInt(args[++i]);
                case "--page-size" -> pageSize = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--max-connections" -> maxConnections = Integer.parseInt(args[++i]);
                case "--server-pid" -> serverPid = Long.parseLong(args[++i]);
                case "--closed" -> closed.add(pair(args[++i]));
                case "--open" -> open.add(pair(args[++i]));
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (base == null || tenant == null || token == null) {
            throw new IllegalArgumentException("--base, --tenant and --token are required");
        }
        URI uri = URI.create(base);
        host = uri.getHost();
        port = uri.getPort();

        try (Connection c = new Connection()) {
            Answer first = c.get(1);
            String head = new String(first.body, 0, Math.min(first.length, 400), StandardCharsets.UTF_8);
            System.out.printf(
                    "Check: page 1 answered %d, %,d bytes; %s%n",
                    first.status, first.length, head.replaceAll(".*(\"pagination\":\\{[^}]*}).*", "$1"));
            if (first.status != 200) {
                throw new IllegalStateException("GET /Contacts answered " + first.status + ": " + head);
            }
        }

        if (warmup > 0) {
            System.out.printf("Warm-up: closed loop, 2 clients, %d s (not reported)%n", warmup);
            closedLoop(2, warmup, "warm-up (not reported), ");
        }
        List<String> rows = new ArrayList<>();
        for (int[] run : closed) {
            rows.add(closedLoop(run[0], run[1], ""));
        }
        for (int[] run : open) {
            rows.add(openLoop(run[0], run[1]));
        }
        System.out.println();
        System.out.println("| Run | Pages | Pages/s | p50 ms | p95 ms | p99 ms | max ms | Errors"
                + " | CPU cores: simulator / client / others | Load average (1 min, at the end) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        if (firstError != null) {
            System.out.println("First error: " + firstError);
        }
    }

    static int[] pair(String value) {
        String[] parts = value.split(":");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    static int page() {
        return (int) (nextPage.getAndIncrement() % pages) + 1;
    }

    // ---- closed loop: maximum throughput ----------------------------------------------------------

    static String closedLoop(int clients, int seconds, String label) throws Exception {
        errors.reset();
        LongAdder done = new LongAdder();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        Cpu cpu = Cpu.now();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int id = t;
            Thread thread = Thread.ofPlatform().name("closed-" + t).start(() -> {
                long[] mine = new long[1024];
                int n = 0;
                Connection c = null;
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        if (c == null) {
                            c = new Connection();
                        }
                        Answer a = c.get(page());
                        if (a.status != 200) {
                            fail("status " + a.status);
                            continue;
                        }
                    } catch (IOException e) {
                        fail(e.toString());
                        closeQuietly(c);
                        c = null;
                        continue;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - sent;
                    done.increment();
                }
                closeQuietly(c);
                latencies[id] = mine;
                counts[id] = n;
            });
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        String cpuUse = cpu.usedSince(elapsed);
        long total = done.sum();
        long[] all = merge(latencies, counts);
        String row = String.format(
                Locale.ROOT,
                "| %sclosed loop, %d client%s, %d s | %,d | **%.0f** | %s | %d | %s | %s |",
                label,
                clients,
                clients == 1 ? "" : "s",
                seconds,
                total,
                total / elapsed,
                percentiles(all),
                errors.sum(),
                cpuUse,
                loadAverage());
        System.out.println(row);
        return row;
    }

    // ---- open loop: latency at a fixed arrival rate ------------------------------------------------

    static String openLoop(int rate, int seconds) throws Exception {
        errors.reset();
        int total = rate * seconds;
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
        AtomicInteger opened = new AtomicInteger();
        // At most this many requests in flight; a request waiting for a connection is still timed from its
        // intended start, as a client with a fixed connection pool would see it.
        Semaphore inFlight = new Semaphore(maxConnections);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        Cpu cpu = Cpu.now();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long intended = start + i * interval;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = i;
                int page = page();
                workers.submit(() -> {
                    inFlight.acquireUninterruptibly();
                    Connection c = idle.poll();
                    try {
                        if (c == null) {
                            c = new Connection();
                            opened.incrementAndGet();
                        }
                        Answer a = c.get(page);
                        if (a.status != 200) {
                            fail("status " + a.status);
                        } else {
                            // From the intended start on the schedule, not from when the request left.
                            latencies[index] = System.nanoTime() - intended;
                        }
                        idle.add(c);
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
        idle.forEach(Bench::closeQuietly);
        long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).toArray();
        String row = String.format(
                Locale.ROOT,
                "| open loop, %d pages/s for %d s (%d connections, at most %d) | %,d | %.0f | %s | %d | %s | %s |",
                rate,
                seconds,
                opened.get(),
                maxConnections,
                ok.length,
                ok.length / elapsed,
                percentiles(ok),
                errors.sum(),
                cpuUse,
                loadAverage());
        System.out.println(row);
        return row;
    }

    // ---- shared ------------------------------------------------------------------------------------

    static void fail(String message) {
        errors.increment();
        if (firstError == null) {
            firstError = message;
            System.err.println("First error: " + message);
        }
    }

    static long[] merge(long[][] parts, int[] counts) {
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            System.arraycopy(parts[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        return all;
    }

    static String percentiles(long[] nanos) {
        if (nanos.length == 0) {
            return "- | - | - | -";
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "%.1f | %.1f | %.1f | %.1f",
                ms(at(sorted, 0.50)),
                ms(at(sorted, 0.95)),
                ms(at(sorted, 0.99)),
                ms(sorted[sorted.length - 1]));
    }

    static long at(long[] sorted, double quantile) {
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

    record Answer(int status, byte[] body, int length) {}

    /**
     * CPU time from /proc, in clock ticks (100 a second on Linux): the whole machine's busy time, this
     * client's and the simulator's; "others" is what is left, i.e. whatever else ran during the run.
     */
    record Cpu(long machine, long client, long server) {

        static final double TICKS = 100.0;

        static Cpu now() {
            return new Cpu(machineBusy(), process("self"), serverPid > 0 ? process(Long.toString(serverPid)) : 0);
        }

        String usedSince(double seconds) {
            Cpu end = now();
            double sim = (end.server - server) / TICKS / seconds;
            double me = (end.client - client) / TICKS / seconds;
            double all = (end.machine - machine) / TICKS / seconds;
            return String.format(
                    Locale.ROOT, "%s / %.2f / %.2f", serverPid > 0 ? String.format(Locale.ROOT, "%.2f", sim) : "?", me,
                    Math.max(0, all - me - (serverPid > 0 ? sim : 0)));
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
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // After the command: state is field 3, utime field 14, stime field 15 (1-based in proc(5)).
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    /** One keep-alive HTTP/1.1 connection; answers must carry Content-Length (the JDK server's do). */
    static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private byte[] buffer = new byte[2 << 20];

        Connection() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        Answer get(int page) throws IOException {
            String request = "GET /api.xro/2.0/Contacts?page=" + page + "&pageSize=" + pageSize + " HTTP/1.1\r\n"
                    + "Host: " + host + ":" + port + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "xero-tenant-id: " + tenant + "\r\n"
                    + "Accept: application/json\r\n"
                    + "\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new IOException("Bad status line: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean close = false;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (length < 0) {
                throw new IOException("No Content-Length");
            }
            if (buffer.length < length) {
                buffer = new byte[length];
            }
            int read = in.readNBytes(buffer, 0, length);
            if (read < length) {
                throw new IOException("Body cut at " + read + " of " + length + " bytes");
            }
            if (close) {
                throw new IOException("Server closed the connection");
            }
            return new Answer(code, buffer, length);
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
