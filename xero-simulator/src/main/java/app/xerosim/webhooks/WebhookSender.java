package app.xerosim.webhooks;

import app.xerosim.SimContact;
import app.xerosim.WebhookDelivery;
import app.xerosim.WebhookOptions;
import app.xerosim.WebhookStatus;
import app.xerosim.WebhookSubscription;
import app.xerosim.XeroSimulatorSettings;
import app.xerosim.http.Json;
import app.xerosim.state.SimState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends Xero's contact webhooks (XERO-CONTRACT §5): gathers CREATE/UPDATE events for a short delay, posts
 * them as one batch with sequence numbers and entropy, signed with {@code x-xero-signature}
 * (base64 HMAC-SHA256 of the raw body, key as UTF-8 bytes); retries a failed batch with doubling delays
 * and disables the subscription after the configured number of attempts. Configuring a URL first runs
 * intent to receive: correctly and wrongly signed empty batches that must be answered 200 and 401.
 *
 * <p>Events raised while the subscription is not active are dropped, as Xero sends nothing to a webhook
 * that is not enabled. Pending events are not persisted.
 */
public final class WebhookSender implements AutoCloseable {

    static final String SIGNATURE_HEADER = "x-xero-signature";
    private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Event(UUID tenantId, UUID contactId, String type, LocalDateTime at) {}

    private final SimState state;
    private final XeroSimulatorSettings settings;
    private final Clock clock;
    private final String baseUrl;
    private final HttpClient http;
    private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<WebhookStatus> status = new AtomicReference<>(WebhookStatus.NOT_CONFIGURED);
    private final AtomicLong sequence = new AtomicLong(1);
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final Thread worker;
    private volatile boolean running = true;
    /** Bumped on every reconfiguration so an old intent-to-receive run cannot activate a newer one. */
    private final AtomicLong generation = new AtomicLong();

    private volatile WebhookOptions options = WebhookOptions.none();

    public WebhookSender(SimState state, XeroSimulatorSettings settings, Clock clock, String baseUrl) {
        this.state = state;
        this.settings = settings;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        if (state.read(state::webhook) != null) {
            // A subscription loaded from the data file had passed intent to receive before.
            status.set(WebhookStatus.ACTIVE);
        }
        this.worker = Thread.ofVirtual().name("xerosim-webhooks").start(this::run);
    }

    /** Called under the state lock for every reported contact change: queue only, never block. */
    public void contactChanged(UUID tenantId, SimContact contact, boolean created) {
        if (status.get() == WebhookStatus.ACTIVE) {
            queue.add(new Event(
                    tenantId,
                    contact.contactId(),
                    created ? "CREATE" : "UPDATE",
                    LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
        }
    }

    /** Stores the subscription and starts intent to receive in the background. */
    public void configure(WebhookSubscription subscription) {
        long run = generation.incrementAndGet();
        state.writeRun(() -> state.webhook(subscription));
        status.set(WebhookStatus.INTENT_TO_RECEIVE);
        queue.clear();
        Thread.ofVirtual().name("xerosim-itr").start(() -> intentToReceive(subscription, run));
    }

    public void options(WebhookOptions value) {
        this.options = value;
    }

    public WebhookOptions options() {
        return options;
    }

    public WebhookStatus status() {
        return status.get();
    }

    public List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void intentToReceive(WebhookSubscription subscription, long run) {
        // Xero sends "a series" of correctly and incorrectly signed payloads; two of each, interleaved.
        boolean[] correct = {true, false, true, false};
        boolean passed = true;
        for (boolean signedRight : correct) {
            ObjectNode body = Json.object();
            body.putArray("events");
            body.put("firstEventSequence", 0);
            body.put("lastEventSequence", 0);
            body.put("entropy", entropy());
            String key = signedRight ? subscription.signingKey() : "not-" + subscription.signingKey() + entropy();
            WebhookDelivery delivery =
                    post(subscription, Json.MAPPER.writeValueAsString(body), key, signedRight, true, 1);
            passed &= delivery.acceptable();
        }
        if (generation.get() == run) {
            status.set(passed ? WebhookStatus.ACTIVE : WebhookStatus.INTENT_TO_RECEIVE_FAILED);
        }
    }

    private void run() {
        while (running) {
            try {
                Event first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                Thread.sleep(settings.webhookBatchDelay());
                List<Event> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch);
                WebhookOptions current = options;
                if (!current.extraDelay().isZero()) {
                    Thread.sleep(current.extraDelay());
                }
                if (current.reverseEvents()) {
                    java.util.Collections.reverse(batch);
                }
                deliver(batch, current.duplicateBatches());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A broken batch must not stop later deliveries.
            }
        }
    }

    private void deliver(List<Event> batch, boolean twice) throws InterruptedException {
        WebhookSubscription subscription = state.read(state::webhook);
        if (subscription == null || status.get() != WebhookStatus.ACTIVE) {
            return;
        }
        long first = sequence.getAndAdd(batch.size());
        ObjectNode body = Json.object();
        ArrayNode events = body.putArray("events");
        for (Event event : batch) {
            ObjectNode node = events.addObject();
            node.put("resourceUrl", baseUrl + "/api.xro/2.0/Contacts/" + event.contactId());
            node.put("resourceId", event.contactId().toString());
            node.put("eventDateUtc", EVENT_DATE.format(event.at()));
            node.put("eventType", event.type());
            node.put("eventCategory", "CONTACT");
            node.put("tenantId", event.tenantId().toString());
            node.put("tenantType", "ORGANISATION");
        }
        body.put("firstEventSequence", first);
        body.put("lastEventSequence", first + batch.size() - 1);
        body.put("entropy", entropy());
        String json = Json.MAPPER.writeValueAsString(body);
        Duration wait = settings.webhookFirstRetryDelay();
        for (int attempt = 1; attempt <= settings.webhookMaxAttempts(); attempt++) {
            if (post(subscription, json, subscription.signingKey(), true, false, attempt)
                    .acceptable()) {
                if (twice) {
                    post(subscription, json, subscription.signingKey(), true, false, attempt);
                }
                return;
            }
            if (attempt < settings.webhookMaxAttempts()) {
                Thread.sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
        status.compareAndSet(WebhookStatus.ACTIVE, WebhookStatus.DISABLED);
    }

    private WebhookDelivery post(
            WebhookSubscription subscription,
            String body,
            String key,
            boolean correctlySigned,
            boolean intentToReceive,
            int attempt) {
        String signature = sign(key, body);
        int code = 0;
        boolean acceptable = false;
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(subscription.url()))
                            .timeout(settings.webhookTimeout())
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header(SIGNATURE_HEADER, signature)
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            code = response.statusCode();
            acceptable = correctlySigned
                    ? code == 200
                            && response.body().isEmpty()
                            && response.headers().firstValue("Set-Cookie").isEmpty()
                    : code == 401;
        } catch (IOException | IllegalArgumentException e) {
            // No answer (refused, reset or timed out): a failed delivery.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WebhookDelivery delivery = new WebhookDelivery(
                clock.instant(),
                subscription.url(),
                body,
                signature,
                intentToReceive,
                correctlySigned,
                attempt,
                code,
                acceptable);
        deliveries.add(delivery);
        return delivery;
    }

    /** {@code base64(HMAC-SHA256(key as UTF-8, body))}, as Xero signs. */
    public static String sign(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String entropy() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        http.close();
    }
}
