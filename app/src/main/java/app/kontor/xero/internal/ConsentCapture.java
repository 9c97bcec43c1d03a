package app.kontor.xero.internal;

import app.kontor.practice.KontorUserDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * Where {@code oauth2Client()} puts the tokens of a finished consent: not into the session (which is
 * stored in the database unencrypted) but, encrypted, into a pending consent of the admin's practice.
 * The settings page then finds the organisations of that consent and connects one.
 */
final class ConsentCapture implements OAuth2AuthorizedClientRepository {

    private final ConsentRows consents;
    private final TokenCipher cipher;
    private final Clock clock;

    ConsentCapture(ConsentRows consents, TokenCipher cipher, Clock clock) {
        this.consents = consents;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(
            String clientRegistrationId, Authentication principal, HttpServletRequest request) {
        // Connections are used through XeroTokens, never through the request.
        return null;
    }

    @Override
    public void saveAuthorizedClient(
            OAuth2AuthorizedClient client,
            Authentication principal,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!(principal.getPrincipal() instanceof KontorUserDetails details)
                || !details.user().isAdmin()) {
            throw new AccessDeniedException("Only an admin connects the practice to Xero");
        }
        if (!(request.getAttribute(ConsentIdentity.ATTRIBUTE) instanceof ConsentIdentity identity)) {
            throw new IllegalStateException("Token response was not checked");
        }
        var user = details.user();
        var access = client.getAccessToken();
        var refresh = client.getRefreshToken();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        consents.insert(new ConsentRows.PendingConsent(
                UUID.randomUUID(),
                user.practiceId(),
                user.userId(),
                cipher.encrypt(access.getTokenValue()),
                refresh == null ? null : cipher.encrypt(refresh.getTokenValue()),
                access.getExpiresAt() == null ? now.plusSeconds(1800) : access.getExpiresAt(),
                identity.authenticationEventId(),
                now));
    }

    @Override
    public void removeAuthorizedClient(
            String clientRegistrationId,
            Authentication principal,
            HttpServletRequest request,
            HttpServletResponse response) {
        // Nothing is kept per request.
    }
}
