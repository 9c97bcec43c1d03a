package app.kontor;

import app.kontor.demo.DemoXeroSimulator;
import app.xerosim.XeroSimulator;
import app.xerosim.XeroSimulatorSettings;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One Xero simulator per test JVM, started before any Spring context so Kontor's Xero settings are
 * fixed (and contexts cached). Kontor is registered with the redirect URI MockMvc uses. Tests make
 * their own organisations in it.
 */
public final class TestXero implements LauncherSessionListener {

    public static final String CLIENT_ID = "kontor-test";
    public static final String CLIENT_SECRET = "kontor-test-secret";
    /** The key Kontor verifies webhook signatures with in tests (nothing is configured in the simulator). */
    public static final String WEBHOOK_KEY = "kontor-test-webhook-key";

    public static final String REDIRECT_URI = "http://localhost/settings/integrations/xero/callback";

    private static XeroSimulator simulator;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        simulator = XeroSimulator.start(XeroSimulatorSettings.defaults().withPort(0));
        simulator.registerApp(CLIENT_ID, CLIENT_SECRET, List.of(REDIRECT_URI), "Kontor (tests)");
        DemoXeroSimulator.kontorSettingsFor(simulator.baseUrl(), CLIENT_ID, CLIENT_SECRET, WEBHOOK_KEY)
                .forEach((name, value) -> System.setProperty(name, value.toString()));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (simulator != null) {
            simulator.close();
        }
    }

    public static XeroSimulator simulator() {
        return simulator;
    }
}
