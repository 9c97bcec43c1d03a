package app.xerosim;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Runs the simulator alone:
 * {@code java -jar xero-simulator-*-standalone.jar --port N --data FILE [--host H] [--demo]
 * [--client-id ID --client-secret SECRET --redirect-uri URI...] [--generate N [--seed S]]
 * [--rate-limits off|xero] [--access-token-lifetime SECONDS] [--print-test-token]}.
 */
public final class Main {

    /** The organisation {@code --generate N} fills (reused, not filled again, when the data file has it). */
    static final String GENERATED_ORGANISATION_NAME = "Generated Contacts Ltd";

    static final String USAGE = "Usage: java -jar xero-simulator-standalone.jar [--port N] [--host H] [--data FILE]"
            + " [--demo] [--client-id ID --client-secret SECRET --redirect-uri URI ...]"
            + " [--generate N [--seed S]] [--rate-limits off|xero] [--access-token-lifetime SECONDS]"
            + " [--print-test-token]";

    private Main() {}

    /** The command line, parsed. */
    record Options(
            XeroSimulatorSettings settings,
            boolean demo,
            @Nullable String clientId,
            @Nullable String clientSecret,
            List<String> redirectUris,
            int generate,
            long seed,
            boolean printTestToken,
            boolean help) {}

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.err.println(USAGE);
            return;
        }
        XeroSimulator simulator = start(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    static Options parse(String[] args) {
        XeroSimulatorSettings settings = XeroSimulatorSettings.defaults().withPort(8089);
        boolean demo = false;
        String clientId = null;
        String clientSecret = null;
        List<String> redirectUris = new ArrayList<>();
        int generate = 0;
        long seed = 1L;
        boolean printTestToken = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> settings = settings.withPort(number(value(args, ++i, arg), arg));
                case "--data" -> settings = settings.withDataFile(Path.of(value(args, ++i, arg)));
                case "--host" -> settings = settings.withHost(value(args, ++i, arg));
                case "--demo" -> demo = true;
                case "--client-id" -> clientId = value(args, ++i, arg);
                case "--client-secret" -> clientSecret = value(args, ++i, arg);
                case "--redirect-uri" -> redirectUris.add(value(args, ++i, arg));
                case "--generate" -> {
                    generate = number(value(args, ++i, arg), arg);
                    if (generate < 1) {
                        throw new IllegalArgumentException("--generate needs a positive number of contacts");
                    }
                }
                case "--seed" -> {
                    String value = value(args, ++i, arg);
                    try {
                        seed = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed needs a number, not " + value, e);
                    }
                }
                case "--rate-limits" -> {
                    String value = value(args, ++i, arg);
                    settings = switch (value.toLowerCase(Locale.ROOT)) {
                        case "off" -> settings.withRateLimits(RateLimits.off());
                        case "xero", "on" -> settings.withRateLimits(RateLimits.xero());
                        default -> throw new IllegalArgumentException("--rate-limits is off or xero, not " + value);
                    };
                }
                case "--access-token-lifetime" ->
                    settings = settings.withAccessTokenLifetime(Duration.ofSeconds(number(value(args, ++i, arg), arg)));
                case "--print-test-token" -> printTestToken = true;
                case "--help", "-h" -> {
                    return new Options(settings, false, null, null, List.of(), 0, seed, false, true);
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return new Options(
                settings,
                demo,
                clientId,
                clientSecret,
                List.copyOf(redirectUris),
                generate,
                seed,
                printTestToken,
                false);
    }

    /** Starts the simulator as the options say and prints what a caller needs to reach it. */
    static XeroSimulator start(Options options, PrintStream out) {
        XeroSimulator simulator = XeroSimulator.start(options.settings());
        try {
            SimOrganisation target = null;
            if (options.demo()) {
                SimOrganisation org = simulator.organisations().createDemoOrganisation();
                out.println("Demo organisation: " + org.name() + " tenant " + org.tenantId() + " ShortCode "
                        + org.shortCode());
                target = org;
            }
            if (options.generate() > 0) {
                SimOrganisation org = simulator
                        .organisations()
                        .findByName(GENERATED_ORGANISATION_NAME)
                        .orElseGet(() -> {
                            SimOrganisation created = simulator.organisations().create(GENERATED_ORGANISATION_NAME);
                            created.contacts().generate(options.generate(), options.seed());
                            return created;
                        });
                out.println("Generated organisation: " + org.name() + " tenant " + org.tenantId() + " with "
                        + org.contacts().count() + " contacts");
                target = org;
            }
            if (options.clientId() != null && options.clientSecret() != null) {
                simulator.registerApp(options.clientId(), options.clientSecret(), options.redirectUris());
                out.println("Registered app " + options.clientId() + " with redirect URIs " + options.redirectUris());
            }
            if (options.printTestToken()) {
                if (target == null) {
                    target = simulator.organisations().list().stream()
                            .findFirst()
                            .orElseGet(() -> simulator.organisations().createDemoOrganisation());
                }
                TestToken token = TestToken.issue(simulator, target);
                out.println("XEROSIM_BASE_URL=" + simulator.baseUrl());
                out.println("XEROSIM_TENANT_ID=" + target.tenantId());
                out.println("XEROSIM_ACCESS_TOKEN=" + token.accessToken());
                out.println("XEROSIM_TOKEN_EXPIRES_IN=" + token.expiresInSeconds());
            }
            out.println("Xero simulator listening on " + simulator.baseUrl());
            out.flush();
            return simulator;
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + value, e);
        }
    }
}
