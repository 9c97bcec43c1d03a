package app.xerosim.http;

import app.xerosim.LoggedRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's HTTP server on virtual threads, in front of a {@link Router}. It never lets an exception
 * reach the client as a stack trace, and it logs every exchange with secrets redacted.
 */
public final class SimHttpServer implements AutoCloseable {

    /** Decides, before routing, whether to answer differently (faults); {@code null} means "carry on". */
    public interface Interceptor {
        @Nullable
        SimResponse intercept(SimRequest request, Handler next);
    }

    private static final Logger LOG = Logger.getLogger(SimHttpServer.class.getName());

    /** The JDK server's switch for TCP_NODELAY on accepted connections; read once per JVM, off by default. */
    static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // With Nagle's algorithm on, the last segment of an answer can wait for the client's delayed ACK:
        // about 1 in 100 large answers took 30-40 ms instead of 2. Xero has no such stall. Switched on here,
        // before the first server is made, unless the JVM was told otherwise.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private static final int LOGGED_BODY_MAX_CHARS = 64 * 1024;
    private static final List<String> SECRET_BODY_PATHS = List.of("/connect/token", "/connect/revocation");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Router router;
    private final int maxBodyBytes;
    private final Clock clock;
    private final Consumer<LoggedRequest> log;
    private final Interceptor interceptor;

    public SimHttpServer(
            String host,
            int port,
            Router router,
            int maxBodyBytes,
            Clock clock,
            Consumer<LoggedRequest> log,
            Interceptor interceptor)
            throws IOException {
        this.router = router;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
        this.log = log;
        this.interceptor = interceptor;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
        this.server.setExecutor(executor);
        this.server.createContext("/", this::exchange);
        this.server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        SimResponse response;
        SimRequest request = null;
        try {
            byte[] body = readBody(exchange.getRequestBody());
            request = new SimRequest(
                    exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    QueryStrings.parse(exchange.getRequestURI().getRawQuery()),
                    SimRequest.caseInsensitive(exchange.getRequestHeaders()),
                    body == null ? new byte[0] : body,
                    Map.of());
            if (body == null) {
                response = XeroErrors.postDataInvalid("The request body exceeds the maximum size of " + maxBodyBytes
                        + " bytes (Xero accepts at most 3.5 MB).");
            } else {
                response = dispatch(request);
            }
        } catch (DroppedResponse dropped) {
            record(request, 0);
            SimResponse partial = dropped.partial();
            if (partial != null && partial.body().length > 1) {
                // Headers promise the whole body; half of it arrives, then the connection closes.
                partial.headers()
                        .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                exchange.sendResponseHeaders(partial.status(), partial.body().length);
                exchange.getResponseBody().write(partial.body(), 0, partial.body().length / 2);
                exchange.getResponseBody().flush();
            }
            exchange.close();
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Simulator handler failed", e);
            response = XeroErrors.internalError();
        }
        response = response.withHeader("Xero-Correlation-Id", UUID.randomUUID().toString());
        record(request, response.status());
        send(exchange, response);
    }

    private SimResponse dispatch(SimRequest request) {
        Handler routed = r -> {
            Router.Match match = router.match(r.method(), r.path());
            return match == null
                    ? SimResponse.notFound()
                    : match.handler().handle(r.withPathVariables(match.variables()));
        };
        try {
            SimResponse intercepted = interceptor.intercept(request, routed);
            if (intercepted != null) {
                return intercepted;
            }
            SimResponse response = routed.handle(request);
            DeferredLatency.apply();
            return response;
        } finally {
            DeferredLatency.clear();
        }
    }

    private @Nullable byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            // Drain the rest so the client sees our answer rather than a reset.
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        return body;
    }

    private void record(@Nullable SimRequest request, int status) {
        if (request == null) {
            return;
        }
        Map<String, List<String>> headers = new TreeMap<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            headers.put(
                    lower, lower.equals("authorization") ? List.of(LoggedRequest.REDACTED) : new ArrayList<>(values));
        });
        String body;
        if (SECRET_BODY_PATHS.stream().anyMatch(p -> p.equalsIgnoreCase(request.path()))) {
            body = LoggedRequest.REDACTED;
        } else {
            body = request.bodyText();
            if (body.length() > LOGGED_BODY_MAX_CHARS) {
                body = body.substring(0, LOGGED_BODY_MAX_CHARS);
            }
        }
        log.accept(new LoggedRequest(
                clock.instant(), request.method(), request.path(), request.rawQuery(), headers, body, status));
    }

    private static void send(HttpExchange exchange, SimResponse response) throws IOException {
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean noBody = response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Thrown by a fault to close the connection without any response. */
    public static final class DroppedResponse extends RuntimeException {

        private final transient @Nullable SimResponse partial;

        public DroppedResponse() {
            this(null);
        }

        /** Sends the headers and half of {@code partial}'s body before closing. */
        public DroppedResponse(@Nullable SimResponse partial) {
            super("response dropped on purpose", null, false, false);
            this.partial = partial;
        }

        @Nullable
        SimResponse partial() {
            return partial;
        }
    }
}
