package app.xerosim.state;

import java.util.List;

/** An app registered with the simulator's identity service; redirect URIs match exactly, as at Xero. */
public record RegisteredApp(String clientId, String clientSecret, List<String> redirectUris, String name) {

    public RegisteredApp {
        redirectUris = List.copyOf(redirectUris);
    }
}
