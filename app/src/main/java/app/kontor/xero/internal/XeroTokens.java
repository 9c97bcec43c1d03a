package app.kontor.xero.internal;

import app.kontor.shared.PracticeId;
import app.kontor.xero.ConnectionStatus;
import app.kontor.xero.XeroConnectionException;
import app.kontor.xero.XeroNeedsReconnectException;
import app.kontor.xero.XeroSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out a practice's access token, refreshing it 5 minutes before it expires. Refresh is
 * single-flight: within one server, callers wait on one future without holding a database
 * connection; across servers, the one refreshing thread locks the connection row and re-reads it, so
 * a token another server just refreshed is used rather than refreshed again. The new pair is stored
 * before the access token is used, as Xero rotates refresh tokens on every use.
 */
@Component
public class XeroTokens {

    static final Duration REFRESH_SKEW = Duration.ofMinutes(5);

    private final ConnectionRows rows;
    private final TokenCipher cipher;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ClientRegistration registration;
    private final RefreshTokenOAuth2AuthorizedClientProvider refresher;
    private final ConcurrentMap<PracticeId, CompletableFuture<String>> refreshing = new ConcurrentHashMap<>();

    XeroTokens(
            ConnectionRows rows,
            TokenCipher cipher,
            TransactionTemplate transactions,
            Clock clock,
            XeroSettings settings) {
        this.rows = rows;
        this.cipher = cipher;
        this.transactions = transactions;
        this.clock = clock;
        this.registration = XeroOAuthConfiguration.registration(settings);
        var tokenEndpoint = new RestClientRefreshTokenTokenResponseClient();
        tokenEndpoint.setRestClient(XeroOAuthConfiguration.tokenEndpointClient(settings));
        this.refresher = new RefreshTokenOAuth2AuthorizedClientProvider();
        this.refresher.setAccessTokenResponseClient(tokenEndpoint);
        this.refresher.setClockSkew(REFRESH_SKEW);
        this.refresher.setClock(clock);
    }

    /**
     * @throws XeroNeedsReconnectException when Xero no longer accepts the refresh token
     * @throws XeroConnectionException when the practice is not connected, or Xero cannot be reached
     */
    public String accessToken(PracticeId practice) {
        var stored = connected(rows.find(practice).orElse(null));
        if (isFresh(stored)) {
            return cipher.decrypt(stored.accessTokenCipher());
        }
        var mine = new CompletableFuture<String>();
        var theirs = refreshing.putIfAbsent(practice, mine);
        if (theirs != null) {
            return await(theirs);
        }
        try {
            var token = refreshNow(practice);
            mine.complete(token);
            return token;
        } catch (RuntimeException failed) {
            mine.completeExceptionally(failed);
            throw failed;
        } finally {
            refreshing.remove(practice, mine);
        }
    }

    /**
     * After Xero answered 401 to {@code rejected}: refreshes now, unless another caller already
     * replaced that token.
     */
    public String accessTokenAfterRejection(PracticeId practice, String rejected) {
        return refreshNow(practice, rejected);
    }

    /**
     * Refreshes now whatever the expiry, so the refresh token is used: Xero lets an unused one
     * expire after 60 days.
     */
    public void keepAlive(PracticeId practice) {
        var stored = connected(rows.find(practice).orElse(null));
        refreshNow(practice, cipher.decrypt(stored.accessTokenCipher()));
    }

    private String refreshNow(PracticeId practice) {
        return refreshNow(practice, null);
    }

    private String refreshNow(PracticeId practice, @Nullable String rejected) {
        var outcome = transactions.execute(status -> refreshLocked(practice, rejected));
        if (outcome instanceof Refresh.Rejected) {
            throw new XeroNeedsReconnectException();
        }
        return ((Refresh.Token) outcome).value();
    }

    private Refresh refreshLocked(PracticeId practice, @Nullable String rejected) {
        var stored = connected(rows.findForUpdate(practice).orElse(null));
        var current = cipher.decrypt(stored.accessTokenCipher());
        if (rejected == null ? isFresh(stored) : !current.equals(rejected)) {
            return new Refresh.Token(current);
        }
        if (stored.refreshTokenCipher() == null) {
            rows.markNeedsReconnect(practice, now());
            return new Refresh.Rejected();
        }
        // A token Xero rejected is due now, whatever its stated expiry.
        var expiresAt = rejected == null ? stored.accessExpiresAt() : now().minusSeconds(1);
        var client = new OAuth2AuthorizedClient(
                registration,
                practice.toString(),
                new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        cipher.decrypt(stored.accessTokenCipher()),
                        expiresAt.minus(Duration.ofMinutes(30)),
                        expiresAt),
                new OAuth2RefreshToken(cipher.decrypt(stored.refreshTokenCipher()), null));
        var context = OAuth2AuthorizationContext.withAuthorizedClient(client)
                .principal(UsernamePasswordAuthenticationToken.unauthenticated(practice.toString(), ""))
                .build();
        OAuth2AuthorizedClient refreshed = null;
        for (var attempt = 1; refreshed == null; attempt++) {
            try {
                refreshed = refresher.authorize(context);
                if (refreshed == null) {
                    // Not due after all (clock moved): the stored token is still good.
                    return new Refresh.Token(cipher.decrypt(stored.accessTokenCipher()));
                }
            } catch (OAuth2AuthorizationException refused) {
                var code = refused instanceof OAuth2AuthorizationException e
                        ? e.getError().getErrorCode()
                        : "";
                if ("invalid_grant".equals(code)) {
                    rows.markNeedsReconnect(practice, now());
                    return new Refresh.Rejected();
                }
                if (attempt >= 2) {
                    throw new XeroConnectionException("Xero refused to refresh Kontor's access (" + code + ").");
                }
            } catch (RuntimeException lostResponse) {
                // The old refresh token stays valid for 30 minutes after a lost response: retry once now.
                if (attempt >= 2) {
                    throw new XeroConnectionException(
                            "Kontor could not reach Xero to refresh its access.", lostResponse);
                }
            }
        }
        var access = refreshed.getAccessToken();
        var refresh = refreshed.getRefreshToken();
        var newExpiry = access.getExpiresAt() == null ? now().plus(Duration.ofMinutes(30)) : access.getExpiresAt();
        rows.saveTokens(
                practice,
                cipher.encrypt(access.getTokenValue()),
                refresh == null ? null : cipher.encrypt(refresh.getTokenValue()),
                newExpiry,
                now());
        return new Refresh.Token(access.getTokenValue());
    }

    private sealed interface Refresh {
        record Token(String value) implements Refresh {}

        record Rejected() implements Refresh {}
    }

    private boolean isFresh(StoredConnection stored) {
        return stored.accessExpiresAt() != null
                && stored.accessExpiresAt().isAfter(clock.instant().plus(REFRESH_SKEW));
    }

    private static StoredConnection connected(StoredConnection stored) {
        if (stored == null || stored.status() == ConnectionStatus.DISCONNECTED || stored.accessTokenCipher() == null) {
            throw new XeroConnectionException("This practice is not connected to Xero.");
        }
        if (stored.status() == ConnectionStatus.NEEDS_RECONNECT) {
            throw new XeroNeedsReconnectException();
        }
        return stored;
    }

    private static String await(CompletableFuture<String> refresh) {
        try {
            return refresh.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
