package app.xerosim;

import app.xerosim.accounting.AccountingEndpoints;
import app.xerosim.http.Router;
import app.xerosim.http.SimHttpServer;
import app.xerosim.http.SimResponse;
import app.xerosim.identity.IdentityEndpoints;
import app.xerosim.identity.Simulation;
import app.xerosim.identity.Tokens;
import app.xerosim.pages.WebPages;
import app.xerosim.state.RateCounter;
import app.xerosim.state.RegisteredApp;
import app.xerosim.state.SimState;
import app.xerosim.state.SimUser;
import app.xerosim.webhooks.WebhookSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A running local Xero: identity (consent, tokens, connections), the Accounting API's Organisation and
 * Contacts, and web pages at Xero's deep-link addresses, all under one {@link #baseUrl()}.
 *
 * <pre>{@code
 * try (XeroSimulator xero = XeroSimulator.start(XeroSimulatorSettings.defaults())) {
 *     SimOrganisation org = xero.organisations().createDemoOrganisation();
 *     xero.registerApp("client", "secret", List.of("http://localhost:8080/callback"));
 *     ...
 * }
 * }</pre>
 */
public final class XeroSimulator implements AutoCloseable {

    private final XeroSimulatorSettings settings;
    private final SimState state;
    private final SimHttpServer server;
    private final Simulation sim;
    private final RequestLog requestLog;
    private final Faults faults;
    private final Organisations organisations;
    private final WebhookSender webhooks;
    private final IdentityEndpoints identity;

    private XeroSimulator(XeroSimulatorSettings settings) throws IOException {
        this.settings = settings;
        SimulatorClock clock = new SimulatorClock();
        SimUser user = new SimUser(
                UUID.randomUUID(),
                SimState.randomToken(16),
                settings.userEmail(),
                settings.userGivenName(),
                settings.userFamilyName());
        this.state = new SimState(settings.dataFile(), settings.nameComparison(), user);
        this.requestLog = new RequestLog(settings.requestLogCapacity());
        this.faults = new Faults();
        Router router = new Router();
        this.server = new SimHttpServer(
                settings.host(),
                settings.port(),
                router,
                settings.maxBodyBytes(),
                clock,
                requestLog::add,
                faults::intercept);
        // Bound to every interface, the simulator is still addressed through loopback.
        String host = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "127.0.0.1" : settings.host();
        String baseUrl = "http://" + host + ":" + server.port();
        this.sim = new Simulation(
                state,
                settings,
                clock,
                new Tokens(state.signingKey(), baseUrl),
                new RateCounter(settings.rateLimits()),
                baseUrl);
        this.organisations = new Organisations(sim);
        this.webhooks = new WebhookSender(state, settings, clock, baseUrl);
        state.contactListener(webhooks::contactChanged);
        this.identity = new IdentityEndpoints(sim);
        identity.register(router);
        new AccountingEndpoints(sim, identity).register(router);
        new WebPages(organisations).register(router);
        new AdminEndpoints(this).register(router);
    }

    /** Starts a simulator; with a data file, the state saved there is loaded first. */
    public static XeroSimulator start(XeroSimulatorSettings settings) {
        try {
            return new XeroSimulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Xero simulator on port " + settings.port(), e);
        }
    }

    public static XeroSimulator start() {
        return start(XeroSimulatorSettings.defaults());
    }

    /** Where everything is served, e.g. {@code http://127.0.0.1:43127} (no trailing slash). */
    public String baseUrl() {
        return sim.baseUrl();
    }

    public int port() {
        return server.port();
    }

    public XeroSimulatorSettings settings() {
        return settings;
    }

    public Organisations organisations() {
        return organisations;
    }

    /**
     * Registers (or replaces) an app: its client id, secret and the exact redirect URIs it may use. The
     * app's name, shown on the consent page and returned as {@code ProviderName}, is the client id.
     */
    public void registerApp(String clientId, String clientSecret, Collection<String> redirectUris) {
        registerApp(clientId, clientSecret, redirectUris, clientId);
    }

    public void registerApp(String clientId, String clientSecret, Collection<String> redirectUris, String appName) {
        RegisteredApp app = new RegisteredApp(clientId, clientSecret, List.copyOf(redirectUris), appName);
        state.writeRun(() -> state.apps().put(clientId, app));
    }

    /** The current connections of every app, oldest first. */
    public List<SimConnection> connections() {
        return state.read(() -> state.connections().values().stream()
                .map(c -> new SimConnection(
                        c.id(), c.clientId(), c.tenantId(), c.authEventId(), c.createdDateUtc(), c.updatedDateUtc()))
                .toList());
    }

    /**
     * Consents on the user's behalf: {@code authorizeUrl} is where the app sent the browser (any host; its
     * query is what counts), {@code tenantIds} the organisations to tick. Returns where the consent page
     * would redirect: the app's redirect URI with {@code code} and {@code state}.
     *
     * @throws IllegalArgumentException when the page would not redirect (unknown app or redirect URI, an
     *     invalid request, or no organisation for accounting scopes)
     */
    public URI approve(URI authorizeUrl, UUID... tenantIds) {
        return decide(authorizeUrl, List.of(tenantIds), true);
    }

    /** Presses Cancel on the consent page: the app's redirect URI with {@code error=access_denied}. */
    public URI deny(URI authorizeUrl) {
        return decide(authorizeUrl, List.of(), false);
    }

    private URI decide(URI authorizeUrl, List<UUID> tenantIds, boolean allow) {
        SimResponse answer =
                identity.decide(authorizeUrl.getRawQuery() == null ? "" : authorizeUrl.getRawQuery(), tenantIds, allow);
        String location = answer.headers().get("Location");
        if (answer.status() != 302 || location == null) {
            throw new IllegalArgumentException("The consent page would not redirect (" + answer.status() + ")");
        }
        return URI.create(location);
    }

    /**
     * Sets where contact webhooks go and the key that signs them, and starts Xero's intent-to-receive
     * sequence in the background; events flow once the receiver passes it ({@link #webhookStatus()}).
     */
    public void configureWebhook(String url, String signingKey) {
        webhooks.configure(new WebhookSubscription(url, signingKey));
    }

    public WebhookStatus webhookStatus() {
        return webhooks.status();
    }

    /**
     * Switches webhook misbehaviour (extra delay, duplicate batches, reversed events) on or off at run
     * time, so one simulator per test JVM can serve tests that want it and tests that do not.
     */
    public void webhookOptions(WebhookOptions options) {
        webhooks.options(options);
    }

    /**
     * Changes the enforced API limits at run time (the setting gives the starting value); counts so far are
     * kept.
     */
    public void rateLimits(RateLimits limits) {
        sim.rates().limits(limits);
    }

    public RateLimits rateLimits() {
        return sim.rates().limits();
    }

    /** Every webhook POST made so far, intent to receive included, oldest first. */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /** The configured webhook URL and key, if any. */
    public Optional<WebhookSubscription> webhook() {
        return Optional.ofNullable(state.read(state::webhook));
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public SimulatorClock clock() {
        return sim.clock();
    }

    public Faults faults() {
        return faults;
    }

    /** Writes the data file now; changes are also saved automatically shortly after they happen. */
    public void save() {
        state.save();
    }

    /** Stops the server and saves the state to the data file, if any. */
    @Override
    public void close() {
        webhooks.close();
        server.close();
        state.close();
    }
}
