package app.kontor.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The packaged Kontor jar running in demo mode in a JVM of its own, on a free port, in a working
 * directory of its own (for the browser tests a fresh one, so a fresh H2 database). Its output goes
 * to {@code target/e2e-app.log} (or the log a test names).
 */
final class KontorApp implements AutoCloseable {

    private static final Pattern SIGN_IN_LINE = Pattern.compile("^Demo sign-in: (\\S+) password: (\\S+)$");
    private static final int DEMO_USER_COUNT = DemoUser.values().length;
    // Generous: demo start-up is ~10 s here, but CI shares 2 cores with the rest of the build.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_LINES_IN_ERRORS = 40;

    private final Process process;
    private final URI baseUrl;
    private final List<DemoCredentials> credentials;
    private final Thread outputCopier;
    private final Thread shutdownHook;

    private KontorApp(
            Process process, URI baseUrl, List<DemoCredentials> credentials, Thread outputCopier, Thread shutdownHook) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.outputCopier = outputCopier;
        this.shutdownHook = shutdownHook;
    }

    static KontorApp start(E2eSettings settings) {
        return startFresh(settings, settings.appDirectory(), settings.appLog());
    }

    /** The jar in demo mode in {@code workDirectory}, cleared first: a fresh database and simulator. */
    static KontorApp startFresh(E2eSettings settings, Path workDirectory, Path log) {
        deleteRecursively(workDirectory);
        return start(settings.jar(), workDirectory, log, List.of());
    }

    /**
     * Starts the jar in demo mode in {@code workDirectory} as it is (an existing database there is kept,
     * as after a restart), with extra command-line {@code arguments} such as {@code --kontor.xero.*}
     * settings for a simulator the test runs itself.
     */
    static KontorApp start(Path jar, Path workDirectory, Path log, List<String> arguments) {
        var port = freePort();
        var java = Path.of(System.getProperty("java.home"), "bin", "java");
        var command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command)
                .directory(createDirectories(workDirectory).toFile())
                .redirectErrorStream(true);
        // A developer's or CI's KONTOR_DB_URL would point the app at PostgreSQL; these tests want
        // demo mode on its own fresh H2 file, whatever the environment says.
        builder.environment().keySet().removeIf(name -> name.startsWith("KONTOR_"));
        builder.environment().put("KONTOR_MODE", "demo");

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + builder.command(), e);
        }
        var shutdownHook = Thread.ofPlatform().unstarted(() -> stop(process));
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        var signIns = new CompletableFuture<List<DemoCredentials>>();
        var outputCopier = Thread.ofPlatform()
                .daemon()
                .name("kontor-app-output")
                .start(() -> copyOutputAndCollectSignIns(process.getInputStream(), log, signIns));
        try {
            var credentials = signIns.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            var baseUrl = URI.create("http://localhost:" + port);
            requireHealthy(baseUrl);
            return new KontorApp(process, baseUrl, credentials, outputCopier, shutdownHook);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            stop(process);
            removeHook(shutdownHook);
            awaitLastOutput(outputCopier);
            throw new IllegalStateException(
                    "Kontor did not start: " + describe(e) + ". Last lines of " + log + ":\n" + tail(log), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            removeHook(shutdownHook);
            throw new IllegalStateException("Interrupted while Kontor was starting", e);
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    DemoCredentials credentials(DemoUser user) {
        return credentials.get(user.ordinal());
    }

    @Override
    public void close() {
        stop(process);
        removeHook(shutdownHook);
        awaitLastOutput(outputCopier);
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook, no clean close of the database. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("Kontor (pid " + process.pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing Kontor", e);
        }
        removeHook(shutdownHook);
        awaitLastOutput(outputCopier);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Copies every line the app prints to the log (the pipe must be drained for the app's whole
     * life, or it blocks on a full buffer) and completes once the demo credentials are printed, which
     * demo mode does when the app is ready.
     */
    private static void copyOutputAndCollectSignIns(
            InputStream output, Path log, CompletableFuture<List<DemoCredentials>> signIns) {
        var found = new ArrayList<DemoCredentials>();
        try (var reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                var writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                writer.write(line);
                writer.newLine();
                writer.flush();
                var matcher = SIGN_IN_LINE.matcher(line);
                if (matcher.matches() && found.size() < DEMO_USER_COUNT) {
                    found.add(new DemoCredentials(matcher.group(1), matcher.group(2)));
                    if (found.size() == DEMO_USER_COUNT) {
                        signIns.complete(List.copyOf(found));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            signIns.completeExceptionally(e);
        }
        // A no-op once the credentials arrived; otherwise the app died before printing them.
        signIns.completeExceptionally(new IllegalStateException(
                "the app's output ended after " + found.size() + " of " + DEMO_USER_COUNT + " sign-in lines"));
    }

    /**
     * Demo mode prints the sign-in lines as soon as its data is ready, which can be a moment before the
     * readiness state says UP (503 OUT_OF_SERVICE meanwhile): ask again until it does or time is up.
     */
    private static void requireHealthy(URI baseUrl) {
        var deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        try (var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            var request = HttpRequest.newBuilder(baseUrl.resolve("/actuator/health"))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            while (true) {
                var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "/actuator/health answered " + response.statusCode() + " " + response.body());
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("/actuator/health did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking /actuator/health", e);
        }
    }

    /** SIGTERM first so Spring closes H2 cleanly; the whole tree in case the app ever forks. */
    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        var descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The test JVM may exit right after a stop: let the app's last lines reach the log first. */
    private static void awaitLastOutput(Thread outputCopier) {
        try {
            outputCopier.join(STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; it stops the same process.
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear " + directory, e);
        }
    }

    private static String describe(Throwable e) {
        var cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof TimeoutException
                ? "no sign-in lines within " + START_TIMEOUT.toSeconds() + " s"
                : String.valueOf(cause.getMessage());
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
