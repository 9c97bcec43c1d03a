package app.xerosim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator alone:
 * {@code java -jar xero-simulator-*-standalone.jar --port N --data FILE [--host H] [--demo]
 * [--client-id ID --client-secret SECRET --redirect-uri URI...]}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        XeroSimulatorSettings settings = XeroSimulatorSettings.defaults().withPort(8089);
        boolean demo = false;
        String clientId = null;
        String clientSecret = null;
        List<String> redirectUris = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> settings = settings.withPort(Integer.parseInt(value(args, ++i, arg)));
                case "--data" -> settings = settings.withDataFile(Path.of(value(args, ++i, arg)));
                case "--host" -> settings = settings.withHost(value(args, ++i, arg));
                case "--demo" -> demo = true;
                case "--client-id" -> clientId = value(args, ++i, arg);
                case "--client-secret" -> clientSecret = value(args, ++i, arg);
                case "--redirect-uri" -> redirectUris.add(value(args, ++i, arg));
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("Unknown option " + arg);
                    usage();
                    System.exit(2);
                }
            }
        }
        XeroSimulator simulator = XeroSimulator.start(settings);
        if (demo) {
            SimOrganisation org = simulator.organisations().createDemoOrganisation();
            System.out.println(
                    "Demo organisation: " + org.name() + " tenant " + org.tenantId() + " ShortCode " + org.shortCode());
        }
        if (clientId != null && clientSecret != null) {
            simulator.registerApp(clientId, clientSecret, redirectUris);
            System.out.println("Registered app " + clientId + " with redirect URIs " + redirectUris);
        }
        System.out.println("Xero simulator listening on " + simulator.baseUrl());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }

    private static void usage() {
        System.err.println("Usage: java -jar xero-simulator-standalone.jar [--port N] [--host H] [--data FILE]"
                + " [--demo] [--client-id ID --client-secret SECRET --redirect-uri URI ...]");
    }
}
