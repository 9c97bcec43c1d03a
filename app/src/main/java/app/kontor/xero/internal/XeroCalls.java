package app.kontor.xero.internal;

import app.kontor.shared.PracticeId;
import app.kontor.xero.XeroApiException;
import app.kontor.xero.XeroConnectionException;
import app.kontor.xero.XeroRateLimitedException;
import app.kontor.xero.XeroRateLimitedException.Limit;
import app.kontor.xero.XeroTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Accounting API call for a practice goes through here: a bearer token (refreshed once on a
 * 401), the organisation's rate budget (XERO-CONTRACT §3) kept below Xero's limits from the {@code
 * X-*-Remaining} headers and shared by all servers in the database, 429s handled by kind, and Xero's
 * errors turned into exceptions with plain words.
 */
@Component
class XeroCalls {

    /** Calls of the minute left for others (other servers, the keep-alive) before we hold back. */
    static final int MINUTE_MARGIN = 3;
    /** Calls of the day kept in reserve; below it the connection waits for the next day. */
    static final int DAY_MARGIN = 20;
    /** Xero allows 5 calls in flight per organisation; one is left for other servers. */
    static final int CONCURRENT_PER_SERVER = 4;

    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    static final Duration DAY_PAUSE_WITHOUT_RETRY_AFTER = Duration.ofHours(1);
    private static final int MAX_ATTEMPTS = 4;

    /** What to do when the minute budget is spent: background work waits, a click should not. */
    enum WhenLimited {
        WAIT,
        FAIL_FAST
    }

    private final XeroTokens tokens;
    private final RateBudgets budgets;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ConcurrentMap<UUID, Semaphore> inFlight = new ConcurrentHashMap<>();

    XeroCalls(XeroTokens tokens, RateBudgets budgets, Clock clock) {
        this.tokens = tokens;
        this.budgets = budgets;
        this.clock = clock;
    }

    <T> T call(
            PracticeId practice,
            UUID tenantId,
            String what,
            WhenLimited whenLimited,
            Function<String, ResponseEntity<T>> request) {
        String rejectedToken = null;
        for (var attempt = 1; ; attempt++) {
            respectBudget(tenantId, whenLimited);
            var slots = inFlight.computeIfAbsent(tenantId, id -> new Semaphore(CONCURRENT_PER_SERVER, true));
            acquire(slots, tenantId);
            String token = null;
            Instant sentAt = null;
            long started;
            try {
                token = rejectedToken == null
                        ? tokens.accessToken(practice)
                        : tokens.accessTokenAfterRejection(practice, rejectedToken);
                sentAt = clock.instant();
                started = System.nanoTime();
                ResponseEntity<T> response;
                try {
                    response = request.apply(token);
                } finally {
                    // Only the exchange itself counts as Xero's time, not Kontor's bookkeeping around it.
                    XeroTime.add(System.nanoTime() - started);
                    started = 0;
                }
                observe(tenantId, response.getHeaders(), sentAt);
                return response.getBody();
            } catch (RestClientResponseException refused) {
                var headers = refused.getResponseHeaders();
                if (headers != null) {
                    observe(tenantId, headers, sentAt == null ? clock.instant() : sentAt);
                }
                var status = refused.getStatusCode().value();
                if (status == 401 && rejectedToken == null) {
                    rejectedToken = token;
                    continue;
                }
                if (status == 429 && attempt < MAX_ATTEMPTS) {
                    onRateLimited(tenantId, headers, whenLimited);
                    continue;
                }
                throw failure(what, refused);
            } catch (RestClientException unreachable) {
                throw new XeroConnectionException(
                        "Kontor could not reach Xero to " + what + "; try again shortly.", unreachable);
            } finally {
                slots.release();
            }
        }
    }

    private void respectBudget(UUID tenantId, WhenLimited whenLimited) {
        var budget = budgets.find(tenantId).orElse(null);
        if (budget == null) {
            return;
        }
        var now = clock.instant();
        if (budget.pausedUntil() != null && budget.pausedUntil().isAfter(now)) {
            throw new XeroRateLimitedException(Limit.DAY, budget.pausedUntil());
        }
        if (budget.dayRemaining() != null && budget.dayRemaining() <= DAY_MARGIN) {
            var until = now.plus(DAY_PAUSE_WITHOUT_RETRY_AFTER);
            budgets.pauseUntil(tenantId, until, now);
            throw new XeroRateLimitedException(Limit.DAY, until);
        }
        var windowEnd = budget.minuteWindowEnd();
        if (budget.minuteRemaining() != null && budget.minuteRemaining() <= MINUTE_MARGIN && windowEnd.isAfter(now)) {
            waitOrFail(Limit.MINUTE, windowEnd, whenLimited);
        }
    }

    private void onRateLimited(UUID tenantId, @Nullable HttpHeaders headers, WhenLimited whenLimited) {
        var problem = headers == null ? null : headers.getFirst("X-Rate-Limit-Problem");
        var now = clock.instant();
        var retryAfter = retryAfter(headers);
        if ("day".equalsIgnoreCase(problem)) {
            var until = now.plus(retryAfter == null ? DAY_PAUSE_WITHOUT_RETRY_AFTER : retryAfter);
            budgets.pauseUntil(tenantId, until, now);
            throw new XeroRateLimitedException(Limit.DAY, until);
        }
        if ("concurrent".equalsIgnoreCase(problem)) {
            waitOrFail(Limit.CONCURRENT, now.plusSeconds(1), whenLimited);
            return;
        }
        waitOrFail(Limit.MINUTE, now.plus(retryAfter == null ? Duration.ofSeconds(60) : retryAfter), whenLimited);
    }

    private void waitOrFail(Limit limit, Instant until, WhenLimited whenLimited) {
        var wait = Duration.between(clock.instant(), until);
        if (whenLimited == WhenLimited.FAIL_FAST || wait.compareTo(LONGEST_WAIT) > 0) {
            throw new XeroRateLimitedException(limit, until);
        }
        try {
            Thread.sleep(Math.max(0, wait.toMillis()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new XeroRateLimitedException(limit, until);
        }
    }

    private void acquire(Semaphore slots, UUID tenantId) {
        try {
            if (!slots.tryAcquire(LONGEST_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new XeroRateLimitedException(
                        Limit.CONCURRENT, clock.instant().plusSeconds(1));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new XeroConnectionException("Interrupted while waiting to call Xero for " + tenantId);
        }
    }

    private void observe(UUID tenantId, HttpHeaders headers, Instant sentAt) {
        var minute = integer(headers.getFirst("X-MinLimit-Remaining"));
        var day = integer(headers.getFirst("X-DayLimit-Remaining"));
        if (minute != null || day != null) {
            budgets.observe(tenantId, minute, day, sentAt, clock.instant());
        }
    }

    private XeroConnectionException failure(String what, RestClientResponseException refused) {
        var status = refused.getStatusCode().value();
        return switch (status) {
            case 400 ->
                new XeroApiException(
                        400, "Xero did not accept this: " + String.join(" ", messages(refused)), messages(refused));
            case 401 -> new XeroApiException(401, "Xero did not accept Kontor's access to " + what + ".", List.of());
            case 403 ->
                new XeroApiException(
                        403,
                        "Xero refused access to the organisation to " + what
                                + "; it may have been disconnected in Xero. An admin can reconnect.",
                        List.of());
            case 404 -> new XeroApiException(404, "Xero has no such record.", List.of());
            case 429 ->
                new XeroRateLimitedException(Limit.MINUTE, clock.instant().plusSeconds(60));
            default ->
                new XeroApiException(
                        status,
                        "Xero had a problem and could not " + what + " (HTTP " + status + "); try again shortly.",
                        List.of());
        };
    }

    /** Xero's validation messages: {@code Elements[].ValidationErrors[].Message}, else {@code Message}. */
    private List<String> messages(RestClientResponseException refused) {
        var messages = new ArrayList<String>();
        try {
            JsonNode body = json.readTree(refused.getResponseBodyAsString());
            for (var element : body.path("Elements")) {
                for (var error : element.path("ValidationErrors")) {
                    if (error.path("Message").isString()) {
                        messages.add(error.path("Message").asString());
                    }
                }
            }
            if (messages.isEmpty() && body.path("Message").isString()) {
                messages.add(body.path("Message").asString());
            }
        } catch (RuntimeException notJson) {
            // Xero's 404s and some gateways answer in plain text; the status says enough.
        }
        return messages;
    }

    private static @Nullable Duration retryAfter(@Nullable HttpHeaders headers) {
        var seconds = headers == null ? null : integer(headers.getFirst(HttpHeaders.RETRY_AFTER));
        return seconds == null ? null : Duration.ofSeconds(Math.max(0, seconds));
    }

    private static @Nullable Integer integer(@Nullable String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notAnInteger) {
            return null;
        }
    }
}
