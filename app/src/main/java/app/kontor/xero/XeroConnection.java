package app.kontor.xero;

import app.kontor.shared.PracticeId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A practice's Xero organisation and the state of the connection to it. Tokens never leave the
 * xero module; other modules see only this.
 */
public record XeroConnection(
        PracticeId practiceId,
        UUID tenantId,
        String organisationName,
        String shortCode,
        ConnectionStatus status,
        String connectedBy,
        Instant connectedAt,
        ImportFilter importFilter,
        boolean paused,
        @Nullable Instant lastSyncAt,
        @Nullable Instant nextSyncAt) {

    /** What the UI shows: {@code Connected}, {@code Paused}, {@code Needs reconnect} or {@code Not connected to Xero}. */
    public String statusLabel() {
        return paused && status == ConnectionStatus.CONNECTED ? "Paused" : status.label();
    }

    public boolean isConnected() {
        return status == ConnectionStatus.CONNECTED;
    }

    /** A link that opens the contact in Xero (XERO-CONTRACT §6), under the configured web address. */
    public String contactLink(String webUri, UUID contactId) {
        var base = webUri.endsWith("/") ? webUri.substring(0, webUri.length() - 1) : webUri;
        return base + "/organisationlogin/default.aspx?shortcode="
                + URLEncoder.encode(shortCode, StandardCharsets.UTF_8) + "&redirecturl=/Contacts/View/" + contactId;
    }
}
