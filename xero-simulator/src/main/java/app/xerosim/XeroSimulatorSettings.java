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
        return new XeroSimulatorSettings(
                value,
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

    public XeroSimulatorSettings withHost(String value) {
        return new XeroSimulatorSettings(
                port,
                value,
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

    public XeroSimulatorSettings withDataFile(@Nullable Path value) {
        return new XeroSimulatorSettings(
                port,
                host,
                value,
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

    public XeroSimulatorSettings withNameComparison(NameComparison value) {
        return new XeroSimulatorSettings(
                port,
                host,
                dataFile,
                value,
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

    public XeroSimulatorSettings withIdempotencyRetention(Duration value) {
        return new XeroSimulatorSettings(
                port,
                host,
                dataFile,
                nameComparison,
                value,
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

    public XeroSimulatorSettings withAuthorizationCodeLifetime(Duration value) {
        return new XeroSimulatorSettings(
                port,
                host,
                dataFile,
                nameComparison,
                idempotencyRetention,
                value,
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

    public XeroSimulatorSettings withAccessTokenLifetime(Duration value) {
        return new XeroSimulatorSettings(
                port,
                host,
                dataFile,
                nameComparison,
                idempotencyRetention,
                authorizationCodeLifetime,
                value,
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

    public XeroSimulatorSettings withRefreshTokenGrace(Duration value) {
        return new XeroSimulatorSettings(
                port,
                host,
                dataFile,
                nameComparison,
                idempotencyRetention,
                authorizationCodeLifetime,
                accessTokenLifetime,
                value,
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

    public XeroSimulatorSettings withRefreshTokenIdleExpiry(Duration value) {
        return new XeroSimulatorSettings(
                port,
                host,
                dataFile,
                nameComparison,
                idempotencyRetention,
                authorizationCodeLifetime,
                accessTokenLifetime,
                refreshTokenGrace,
                value,
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

    public XeroSimulatorSettings withCustomerFlagsBumpUpdatedDate(boolean value) {
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
                value,
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

    public XeroSimulatorSettings withIfModifiedSinceInclusive(boolean value) {
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
                value,
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

    public XeroSimulatorSettings withRequestLogCapacity(int value) {
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
                value,
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

    public XeroSimulatorSettings withMaxBodyBytes(int value) {
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
                value,
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

    public XeroSimulatorSettings withSummaryOnlyExcludedFields(Set<String> value) {
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
                value,
                userEmail,
                userGivenName,
                userFamilyName,
                webhookBatchDelay,
                webhookFirstRetryDelay,
                webhookMaxAttempts,
                webhookTimeout,
                rateLimits);
    }

    public XeroSimulatorSettings withUser(String email, String givenName, String familyName) {
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
                email,
                givenName,
                familyName,
                webhookBatchDelay,
                webhookFirstRetryDelay,
                webhookMaxAttempts,
                webhookTimeout,
                rateLimits);
    }

    public XeroSimulatorSettings withWebhookBatchDelay(Duration value) {
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
                value,
                webhookFirstRetryDelay,
                webhookMaxAttempts,
                webhookTimeout,
                rateLimits);
    }

    public XeroSimulatorSettings withWebhookFirstRetryDelay(Duration value) {
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
                value,
                webhookMaxAttempts,
                webhookTimeout,
                rateLimits);
    }

    public XeroSimulatorSettings withWebhookMaxAttempts(int value) {
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
                value,
                webhookTimeout,
                rateLimits);
    }

    public XeroSimulatorSettings withWebhookTimeout(Duration value) {
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
                value,
                rateLimits);
    }

    public XeroSimulatorSettings withRateLimits(RateLimits value) {
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
                value);
    }
}
