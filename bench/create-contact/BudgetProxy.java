/*
 * A pass-through HTTP/1.1 proxy between Kontor and the Xero simulator's Accounting API, for the Create Contact
 * benchmark only. Single file, JDK 25, no dependencies:
 *
 *   java BudgetProxy.java --port N --upstream http://127.0.0.1:SIM_PORT
 *
 * Why: with --rate-limits off the simulator enforces nothing, but it still counts its X-MinLimit-Remaining and
 * X-DayLimit-Remaining headers down from Xero's published 60 a minute and 5,000 a day (RateCounter.PUBLISHED),
 * and Kontor keeps its own budget from those headers (XeroCalls, MINUTE_MARGIN, DAY_MARGIN): after about 57
 * calls in a minute it answers Create Contact with "Xero is busy for this organisation" without calling, and
 * after about 4,980 calls in a day it pauses the connection for an hour. Neither can be switched off from
 * outside, so this proxy forwards every request and answer unchanged except that it rewrites those two
 * headers (and X-AppMinLimit-Remaining) to the published full allowances: 60, 5000, 10000. Kontor still reads
 * them and stores its budget on every call, as it would against Xero; it just never runs out.
 *
 * Hop-by-hop headers (Connection, Upgrade, HTTP2-Settings, Keep-Alive) are not forwarded; bodies are relayed
 * by Content-Length (a chunked request is forwarded with a Content-Length). Each client connection gets its
 * own keep-alive connection to the simulator. The time the proxy adds lands in Kontor's "waiting for Xero"
 * (Server-Timing dur), never in Kontor's own share. GET /_proxy/stats answers "N requests, U ms upstream, A ms
 * added": requests relayed, the time from sending each to the simulator until its answer's last byte (the
 * simulator's time plus loopback), and the time the proxy itself added (reading and writing; not the loopback
 * hops); GET /_proxy/contacts answers one line per benchmark contact ("Bench RUN 00001 Ltd" or
 * bench-RUN-00001@...): "00001 NANOS", the time its calls spent in the proxy and the simulator together, so the
 * client can take it from each request's total; DELETE /_proxy/stats answers the stats and starts counting
 * again. On SIGTERM it prints a 'stats' line.
 */

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.URLDecoder;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class BudgetProxy {

    static String upstreamHost;
    static int upstreamPort;
    static final LongAdder relayed = new LongAdder();
    static final LongAdder addedNanos = new LongAdder();
    static final LongAdder upstreamNanos = new LongAdder();
    /** The benchmark's contacts are "Bench RUN 00001 Ltd", bench-RUN-00001@example.com: time per number. */
    static final Pattern NUMBER = Pattern.compile("(?i)bench[ -][a-z0-9]+[ -](\\d{5})");
    static final Map<String, LongAdder> perContact = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int port = 0;
        String upstream = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--upstream" -> upstream = args[++i];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        URI uri = URI.create(upstream);
        upstreamHost = uri.getHost();
        upstreamPort = uri.getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("stats: " + stats())));
        try (ServerSocket server = new ServerSocket(port, 128, InetAddress.getLoopbackAddress())) {
            System.out.println("proxy listening on http://127.0.0.1:" + server.getLocalPort() + " -> " + upstream);
            System.out.flush();
            while (true) {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            }
        }
    }

    static void serve(Socket client) {
        try (client; Socket upstream = new Socket()) {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(new InetSocketAddress(upstreamHost, upstreamPort), 5000);
            InputStream fromClient = new BufferedInputStream(client.getInputStream(), 16 * 1024);
            OutputStream toClient = client.getOutputStream();
            InputStream fromUpstream = new BufferedInputStream(upstream.getInputStream(), 64 * 1024);
            OutputStream toUpstream = upstream.getOutputStream();
            while (true) {
                String requestLine = line(fromClient);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                long received = System.nanoTime();
                if (requestLine.contains(" /_proxy/")) {
                    for (String h = line(fromClient); h != null && !h.isEmpty(); h = line(fromClient)) {
                        // no body expected
                    }
                    String stats = requestLine.startsWith("GET /_proxy/contacts ") ? contacts() : stats();
                    if (requestLine.startsWith("DELETE ")) {
                        relayed.reset();
                        addedNanos.reset();
                        upstreamNanos.reset();
                        perContact.clear();
                    }
                    byte[] bytes = stats.getBytes(StandardCharsets.UTF_8);
                    toClient.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    toClient.write(bytes);
                    toClient.flush();
                    continue;
                }
                StringBuilder head = new StringBuilder(requestLine).append("\r\n");
                int length = 0;
                boolean chunked = false;
                boolean close = false;
                for (String h = line(fromClient); h != null && !h.isEmpty(); h = line(fromClient)) {
                    String lower = h.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(lower.substring(15).trim());
                    } else if (lower.startsWith("transfer-encoding:")) {
                        chunked = lower.contains("chunked");
                    } else if (lower.startsWith("connection:")) {
                        close = lower.contains("close");
                    } else if (!lower.startsWith("upgrade:") && !lower.startsWith("http2-settings:")
                            && !lower.startsWith("keep-alive:")) {
                        head.append(h).append("\r\n");
                    }
                }
                byte[] body = chunked ? readChunked(fromClient) : fromClient.readNBytes(length);
                if (body.length > 0 || requestLine.startsWith("PUT ") || requestLine.startsWith("POST ")) {
                    head.append("Content-Length: ").append(body.length).append("\r\n");
                }
                head.append("\r\n");
                toUpstream.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                toUpstream.write(body);
                toUpstream.flush();
                long sent = System.nanoTime();

                String status = line(fromUpstream);
                if (status == null) {
                    return;
                }
                StringBuilder answer = new StringBuilder(status).append("\r\n");
                int answerLength = -1;
                boolean answerChunked = false;
                boolean upstreamClose = false;
                for (String h = line(fromUpstream); h != null && !h.isEmpty(); h = line(fromUpstream)) {
                    String lower = h.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("x-minlimit-remaining:")) {
                        h = "X-MinLimit-Remaining: 60";
                    } else if (lower.startsWith("x-daylimit-remaining:")) {
                        h = "X-DayLimit-Remaining: 5000";
                    } else if (lower.startsWith("x-appminlimit-remaining:")) {
                        h = "X-AppMinLimit-Remaining: 10000";
                    } else if (lower.startsWith("content-length:")) {
                        answerLength = Integer.parseInt(lower.substring(15).trim());
                        continue;
                    } else if (lower.startsWith("transfer-encoding:")) {
                        answerChunked = lower.contains("chunked");
                        continue;
                    } else if (lower.startsWith("connection:")) {
                        upstreamClose = lower.contains("close");
                        continue;
                    }
                    answer.append(h).append("\r\n");
                }
                int code = Integer.parseInt(status.substring(9, 12));
                boolean noBody = code == 204 || code == 304 || code / 100 == 1 || requestLine.startsWith("HEAD ");
                byte[] answerBody = noBody ? new byte[0]
                        : answerChunked ? readChunked(fromUpstream)
                        : answerLength >= 0 ? fromUpstream.readNBytes(answerLength)
                        : fromUpstream.readAllBytes();
                if (answerLength < 0 && !answerChunked && !noBody) {
                    upstreamClose = true; // the body ran to the end of the connection
                }
                if (!noBody) {
                    answer.append("Content-Length: ").append(answerBody.length).append("\r\n");
                }
                if (close || upstreamClose) {
                    answer.append("Connection: close\r\n");
                }
                answer.append("\r\n");
                long read = System.nanoTime();
                toClient.write(answer.toString().getBytes(StandardCharsets.ISO_8859_1));
                toClient.write(answerBody);
                toClient.flush();
                // Time the proxy added: reading and forwarding the request, and forwarding the answer after
                // the simulator's last byte (an estimate: the answer's own transfer over loopback counts too).
                relayed.increment();
                addedNanos.add((sent - received) + (System.nanoTime() - read));
                upstreamNanos.add(read - sent);
                Matcher number = NUMBER.matcher(URLDecoder.decode(requestLine, StandardCharsets.UTF_8));
                if (!number.find()) {
                    number = NUMBER.matcher(new String(body, StandardCharsets.UTF_8));
                    number = number.find() ? number : null;
                }
                if (number != null) {
                    // Everything between Kontor's last request byte and its first answer byte, as Kontor sees it
                    perContact.computeIfAbsent(number.group(1), k -> new LongAdder())
                            .add(System.nanoTime() - received);
                }
                if (close || upstreamClose) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the connection ends; Kontor sees it as Xero unreachable, which the benchmark counts as an error
        }
    }

    /** "N requests, U ms upstream, A ms added": totals since the last reset. */
    static String stats() {
        return String.format(
                Locale.ROOT,
                "%d requests, %.3f ms upstream, %.3f ms added",
                relayed.sum(),
                upstreamNanos.sum() / 1e6,
                addedNanos.sum() / 1e6);
    }

    /** One line per contact number: "00001 NANOS", the time its calls spent in the proxy and the simulator. */
    static String contacts() {
        StringBuilder out = new StringBuilder();
        perContact.forEach((number, nanos) -> out.append(number).append(' ').append(nanos.sum()).append('\n'));
        return out.toString();
    }

    static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new IOException("Connection closed inside a chunked body");
            }
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are dropped
                }
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            line(in);
        }
    }

    static String line(InputStream in) throws IOException {
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
}
