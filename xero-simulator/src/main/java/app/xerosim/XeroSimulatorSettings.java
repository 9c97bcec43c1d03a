package app.xerosim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How to start a {@link XeroSimulator}. Start from {@link #defaults()} and change what you need with the
 * {@code with*} methods. Every setting whose Xero behaviour is unknown (XERO-CONTRACT §10) is here, with a
 * default the README explains.
 *
 * @param port TCP port; 0 picks a free one
 * @param host address to bind and to use in {@link XeroSimulator#baseUrl()}
 * @param dataFile JSON file the state is loaded from at start and saved to on change; {@code null}
 *     keeps everything in memory
 * @param nameComparison how contact names are compared for the "unique among active contacts" rule
 * @param idempotencyRetention how long an {@code Idempotency-Key} and its response are remembered
 * @param authorizationCodeLifetime how long an authorization code can be exchanged
 * @param accessTokenLifetime access-token lifetime (Xero: 1800 s)
 * @param refreshTokenGrace how long a rotated refresh token keeps working (Xero: 30 minutes)
 * @param refreshTokenIdleExpiry how long an unused refresh token lives (Xero: 60 days)
 * @param customerFlagsBumpUpdatedDate whether marking a contact as customer or supplier (as an invoice
 *     would) changes its {@code UpdatedDateUTC}; Xero's docs warn that it may not
 * @param ifModifiedSinceInclusive {@code true}: a contact updated in the very second of
 *     {@code If-Modified-Since} is returned; {@code false}: only later seconds are
 * @param requestLogCapacity how many requests {@link XeroSimulator#requestLog()} keeps
 * @param maxBodyBytes the largest request body accepted (Xero: 3.5 MB)
 * @param summaryOnlyExcludedFields contact fields left out when {@code summaryOnly=true}
 * @param userEmail the email of the one simulated Xero user who consents
 * @param userGivenName that user's given name
 * @param userFamilyName that user's family name
 * @param webhookBatchDelay how long contact events gather before one signed batch is sent
 * @param webhookFirstRetryDelay wait before the first retry of a failed delivery; it doubles
 *     each time (Xero retries for 24 hours; the simulator compresses that)
 * @param webhookMaxAttempts deliveries of one batch before the subscription is disabled, as Xero disables
 *     a webhook that keeps failing
 * @param rateLimits the API limits enforced with 429s; {@link RateLimits#off()} for benchmarks
 * @param webhookTimeout how long a receiver may take to answer (Xero: 5 seconds)
 */
public record XeroSimulatorSettings(
        int port,
        String host,
        @Nullable Path dataFile,
        NameComparison nameComparison,
        Duration idempotencyRetention,
        Duration authorizationCodeLifetime,
        Duration accessTokenLifetime,
        Duration refreshTokenGrace,
        Duration refreshTokenIdleExpiry,
        boolean customerFlagsBumpUpdatedDate,
        boolean ifModifiedSinceInclusive,
        int requestLogCapacity,
        int maxBodyBytes,
        Set<String> summaryOnlyExcludedFields,
        String userEmail,
        String userGivenName,
        String userFamilyName,
        Duration webhookBatchDelay,
        Duration webhookFirstRetryDelay,
        int webhookMaxAttempts,
        Duration webhookTimeout,
        RateLimits rateLimits) {

    /** Xero's documented request size limit: 3.5 MB. */
    public static final int XERO_MAX_BODY_BYTES = 3_670_016;

    public XeroSimulatorSettings {
        summaryOnlyExcludedFields = Set.copyOf(summaryOnlyExcludedFields);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (webhookMaxAttempts < 1) {
            throw new IllegalArgumentException("webhookMaxAttempts must be at least 1");
        }
    }

    public static XeroSimulatorSettings defaults() {
        return new XeroSimulatorSettings(
                0,
                "127.0.0.1",
                null,
                NameComparison.CASE_INSENSITIVE,
                Duration.ofHours(24),
                Duration.ofMinutes(5),
                Duration.ofSeconds(1800),
                Duration.ofMinutes(30),
                Duration.ofDays(60),
                false,
                false,
                10_000,
                XERO_MAX_BODY_BYTES,
                Set.of("Balances", "ContactPersons", "PaymentTerms", "BatchPayments", "ContactGroups"),
                "demo.user@example.com",
                "Demo",
                "User",
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                6,
                Duration.ofSeconds(5),
                RateLimits.xero());
    }

    public XeroSimulatorSettings withPort(int value) {
        return with(copy -> copy.port = value);
    }

    public XeroSimulatorSettings withHost(String value) {
        return with(copy -> copy.host = value);
    }

    public XeroSimulatorSettings withDataFile(@Nullable Path value) {
        return with(copy -> copy.dataFile = value);
    }

    public XeroSimulatorSettings withNameComparison(NameComparison value) {
        return with(copy -> copy.nameComparison = value);
    }

    public XeroSimulatorSettings withIdempotencyRetention(Duration value) {
        return with(copy -> copy.idempotencyRetention = value);
    }

    public XeroSimulatorSettings withAuthorizationCodeLifetime(Duration value) {
        return with(copy -> copy.authorizationCodeLifetime = value);
    }

    public XeroSimulatorSettings withAccessTokenLifetime(Duration value) {
        return with(copy -> copy.accessTokenLifetime = value);
    }

    public XeroSimulatorSettings withRefreshTokenGrace(Duration value) {
        return with(copy -> copy.refreshTokenGrace = value);
    }

    public XeroSimulatorSettings withRefreshTokenIdleExpiry(Duration value) {
        return with(copy -> copy.refreshTokenIdleExpiry = value);
    }

    public XeroSimulatorSettings withCustomerFlagsBumpUpdatedDate(boolean value) {
        return with(copy -> copy.customerFlagsBumpUpdatedDate = value);
    }

    public XeroSimulatorSettings withIfModifiedSinceInclusive(boolean value) {
        return with(copy -> copy.ifModifiedSinceInclusive = value);
    }

    public XeroSimulatorSettings withRequestLogCapacity(int value) {
        return with(copy -> copy.requestLogCapacity = value);
    }

    public XeroSimulatorSettings withMaxBodyBytes(int value) {
        return with(copy -> copy.maxBodyBytes = value);
    }

    public XeroSimulatorSettings withSummaryOnlyExcludedFields(Set<String> value) {
        return with(copy -> copy.summaryOnlyExcludedFields = value);
    }

    public XeroSimulatorSettings withUser(String email, String givenName, String familyName) {
        return with(copy -> {
            copy.userEmail = email;
            copy.userGivenName = givenName;
            copy.userFamilyName = familyName;
        });
    }

    public XeroSimulatorSettings withWebhookBatchDelay(Duration value) {
        return with(copy -> copy.webhookBatchDelay = value);
    }

    public XeroSimulatorSettings withWebhookFirstRetryDelay(Duration value) {
        return with(copy -> copy.webhookFirstRetryDelay = value);
    }

    public XeroSimulatorSettings withWebhookMaxAttempts(int value) {
        return with(copy -> copy.webhookMaxAttempts = value);
    }

    public XeroSimulatorSettings withWebhookTimeout(Duration value) {
        return with(copy -> copy.webhookTimeout = value);
    }

    public XeroSimulatorSettings withRateLimits(RateLimits value) {
        return with(copy -> copy.rateLimits = value);
    }

    /** A copy with some settings changed; the record's checks run again on the result. */
    private XeroSimulatorSettings with(java.util.function.Consumer<Copy> change) {
        var copy = new Copy(this);
        change.accept(copy);
        return copy.settings();
    }

    /** The settings as mutable fields, so each {@code with…} names only what it changes. */
    private static final class Copy {
        int port;
        String host;

        @Nullable
        Path dataFile;

        NameComparison nameComparison;
        Duration idempotencyRetention;
        Duration authorizationCodeLifetime;
        Duration accessTokenLifetime;
        Duration refreshTokenGrace;
        Duration refreshTokenIdleExpiry;
        boolean customerFlagsBumpUpdatedDate;
        boolean ifModifiedSinceInclusive;
        int requestLogCapacity;
        int maxBodyBytes;
        Set<String> summaryOnlyExcludedFields;
        String userEmail;
        String userGivenName;
        String userFamilyName;
        Duration webhookBatchDelay;
        Duration webhookFirstRetryDelay;
        int webhookMaxAttempts;
        Duration webhookTimeout;
        RateLimits rateLimits;

        Copy(XeroSimulatorSettings settings) {
            port = settings.port;
            host = settings.host;
            dataFile = settings.dataFile;
            nameComparison = settings.nameComparison;
            idempotencyRetention = settings.idempotencyRetention;
            authorizationCodeLifetime = settings.authorizationCodeLifetime;
            accessTokenLifetime = settings.accessTokenLifetime;
            refreshTokenGrace = settings.refreshTokenGrace;
            refreshTokenIdleExpiry = settings.refreshTokenIdleExpiry;
            customerFlagsBumpUpdatedDate = settings.customerFlagsBumpUpdatedDate;
            ifModifiedSinceInclusive = settings.ifModifiedSinceInclusive;
            requestLogCapacity = settings.requestLogCapacity;
            maxBodyBytes = settings.maxBodyBytes;
            summaryOnlyExcludedFields = settings.summaryOnlyExcludedFields;
            userEmail = settings.userEmail;
            userGivenName = settings.userGivenName;
            userFamilyName = settings.userFamilyName;
            webhookBatchDelay = settings.webhookBatchDelay;
            webhookFirstRetryDelay = settings.webhookFirstRetryDelay;
            webhookMaxAttempts = settings.webhookMaxAttempts;
            webhookTimeout = settings.webhookTimeout;
            rateLimits = settings.rateLimits;
        }

        XeroSimulatorSettings settings() {
            return new XeroSimulatorSettings(
                    port,
                    host,
                    dataFile,
                    nameComparison,
                    idempotencyRetention,
                    authorizationCodeLifetime,
                    accessTokenLifetime,
                    refreshTokenGrace,
                    refreshTokenIdleExpiry,
                    customerFlagsBumpUpdatedDate,
                    ifModifiedSinceInclusive,
                    requestLogCapacity,
                    maxBodyBytes,
                    summaryOnlyExcludedFields,
                    userEmail,
                    userGivenName,
                    userFamilyName,
                    webhookBatchDelay,
                    webhookFirstRetryDelay,
                    webhookMaxAttempts,
                    webhookTimeout,
                    rateLimits);
        }
    }
}
