package app.kontor;

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
    public static final String REDIRECT_URI = "http://localhost/settings/integrations/xero/callback";

    private static XeroSimulator simulator;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        simulator = XeroSimulator.start(XeroSimulatorSettings.defaults().withPort(0));
        simulator.registerApp(CLIENT_ID, CLIENT_SECRET, List.of(REDIRECT_URI), "Kontor (tests)");
        var base = simulator.baseUrl();
        System.setProperty("kontor.xero.client-id", CLIENT_ID);
        System.setProperty("kontor.xero.client-secret", CLIENT_SECRET);
        System.setProperty("kontor.xero.authorization-uri", base + "/identity/connect/authorize");
        System.setProperty("kontor.xero.token-uri", base + "/connect/token");
        System.setProperty("kontor.xero.jwks-uri", base + "/.well-known/openid-configuration/jwks");
        System.setProperty("kontor.xero.revocation-uri", base + "/connect/revocation");
        System.setProperty("kontor.xero.connections-uri", base + "/connections");
        System.setProperty("kontor.xero.api-uri", base + "/api.xro/2.0");
        System.setProperty("kontor.xero.web-uri", base);
        System.setProperty("kontor.xero.issuer", base);
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
