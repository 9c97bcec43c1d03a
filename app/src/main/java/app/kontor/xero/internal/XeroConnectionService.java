package app.kontor.xero.internal;

import app.kontor.practice.SignedInUser;
import app.kontor.shared.PracticeId;
import app.kontor.xero.ConnectionStatus;
import app.kontor.xero.ConsentOutcome;
import app.kontor.xero.ImportFilter;
import app.kontor.xero.ImportFilterChanged;
import app.kontor.xero.XeroConnected;
import app.kontor.xero.XeroConnection;
import app.kontor.xero.XeroConnectionException;
import app.kontor.xero.XeroConnections;
import app.kontor.xero.XeroDisconnected;
import app.kontor.xero.XeroSyncResumed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class XeroConnectionService implements XeroConnections {

    private static final Logger log = LoggerFactory.getLogger(XeroConnectionService.class);

    /** A consent older than this is not finished any more; the admin starts again. */
    static final Duration CONSENT_LIFETIME = Duration.ofMinutes(15);

    private final ConnectionRows connections;
    private final ConsentRows consents;
    private final XeroApiClient xero;
    private final XeroTokens tokens;
    private final TokenCipher cipher;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    XeroConnectionService(
            ConnectionRows connections,
            ConsentRows consents,
            XeroApiClient xero,
            XeroTokens tokens,
            TokenCipher cipher,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.connections = connections;
        this.consents = consents;
        this.xero = xero;
        this.tokens = tokens;
        this.cipher = cipher;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<XeroConnection> find(PracticeId practice) {
        return connections.find(practice).map(StoredConnection::view);
    }

    @Override
    public ConsentOutcome finishConsent(SignedInUser admin) {
        var consent = pendingConsent(admin);
        var organisations = organisationsOf(consent);
        if (organisations.isEmpty()) {
            throw new XeroConnectionException(
                    "Xero gave Kontor access to no organisation. Connect again and tick your organisation.");
        }
        var previous = previousOrganisation(admin);
        if (organisations.size() == 1
                && (previous.isEmpty()
                        || previous.get()
                                .tenantId()
                                .equals(organisations.getFirst().tenantId()))) {
            return new ConsentOutcome.Connected(connect(admin, consent, organisations, organisations.getFirst()));
        }
        return choices(organisations, previous);
    }

    private ConsentOutcome.ChooseOrganisation choices(
            List<XeroApiClient.TenantConnection> organisations, Optional<StoredConnection> previous) {
        var offered = organisations.stream()
                .map(t -> new ConsentOutcome.OrganisationChoice(
                        t.tenantId(), t.tenantName() == null ? t.tenantId().toString() : t.tenantName()))
                .toList();
        var differs = previous.filter(p ->
                offered.stream().noneMatch(o -> o.tenantId().equals(p.tenantId())) || offered.size() > 1);
        return new ConsentOutcome.ChooseOrganisation(
                offered, differs.map(StoredConnection::organisationName).orElse(null));
    }

    private Optional<StoredConnection> previousOrganisation(SignedInUser admin) {
        return connections.find(admin.practiceId());
    }

    @Override
    public XeroConnection choose(SignedInUser admin, UUID tenantId, boolean replacePrevious) {
        var previous = previousOrganisation(admin);
        if (previous.isPresent() && !previous.get().tenantId().equals(tenantId) && !replacePrevious) {
            throw new XeroConnectionException("Confirm that this practice connects to a different organisation than "
                    + previous.get().organisationName()
                    + "; links to that organisation's contacts are not used for it.");
        }
        var consent = pendingConsent(admin);
        var organisations = organisationsOf(consent);
        var chosen = organisations.stream()
                .filter(t -> t.tenantId().equals(tenantId))
                .findFirst()
                .orElseThrow(() -> new XeroConnectionException(
                        "That organisation was not part of your Xero consent. Choose one of those listed."));
        return connect(admin, consent, organisations, chosen);
    }

    @Override
    public ConsentOutcome.ChooseOrganisation pendingChoices(SignedInUser admin) {
        return choices(organisationsOf(pendingConsent(admin)), previousOrganisation(admin));
    }

    @Override
    public Optional<String> disconnect(SignedInUser admin) {
        var stored = connections.find(admin.practiceId()).orElse(null);
        if (stored == null || stored.status() == ConnectionStatus.DISCONNECTED) {
            return Optional.empty();
        }
        String warning = null;
        try {
            var accessToken = tokens.accessToken(admin.practiceId());
            if (stored.xeroConnectionId() != null) {
                xero.deleteConnection(accessToken, stored.xeroConnectionId());
            }
            var current = connections.find(admin.practiceId()).orElseThrow();
            if (current.refreshTokenCipher() != null) {
                xero.revoke(cipher.decrypt(current.refreshTokenCipher()));
            }
        } catch (XeroConnectionException unreachableOrRevoked) {
            // Disconnecting must always work on Kontor's side; Xero is told when it can be.
            log.warn(
                    "Disconnected practice {} from Xero locally only: {}",
                    admin.practiceId(),
                    unreachableOrRevoked.getMessage());
            warning = "Kontor has disconnected, but could not tell Xero (" + unreachableOrRevoked.getMessage()
                    + "). You can remove Kontor under Connected apps in Xero's settings.";
        }
        transactions.executeWithoutResult(status -> connections.markDisconnected(admin.practiceId(), now()));
        events.publishEvent(new XeroDisconnected(admin.practiceId(), stored.tenantId()));
        return Optional.ofNullable(warning);
    }

    @Override
    public void setPaused(SignedInUser admin, boolean paused) {
        var before = connections.find(admin.practiceId());
        connections.savePaused(admin.practiceId(), paused, now());
        before.filter(connection -> connection.paused() && !paused)
                .ifPresent(connection ->
                        events.publishEvent(new XeroSyncResumed(admin.practiceId(), connection.tenantId())));
    }

    @Override
    public List<PracticeId> connectedPractices() {
        return connections.connected();
    }

    @Override
    public void recordSyncTimes(PracticeId practice, @Nullable Instant lastSyncAt, @Nullable Instant nextSyncAt) {
        connections.saveSyncTimes(practice, lastSyncAt, nextSyncAt, now());
    }

    @Override
    public void setImportFilter(SignedInUser admin, ImportFilter filter) {
        var before = connections.find(admin.practiceId());
        connections.saveImportFilter(admin.practiceId(), filter, now());
        before.filter(connection -> connection.importFilter() != filter)
                .ifPresent(connection -> events.publishEvent(
                        new ImportFilterChanged(admin.practiceId(), connection.tenantId(), filter)));
    }

    private XeroConnection connect(
            SignedInUser admin,
            ConsentRows.PendingConsent consent,
            List<XeroApiClient.TenantConnection> authorised,
            XeroApiClient.TenantConnection chosen) {
        var other = connections.practiceConnectedTo(chosen.tenantId());
        if (other.isPresent() && !other.get().equals(admin.practiceId())) {
            throw new XeroConnectionException(
                    "This Xero organisation is already connected to another Kontor practice. Nothing was changed.");
        }
        var accessToken = cipher.decrypt(consent.accessTokenCipher());
        var organisation = xero.organisation(accessToken, chosen.tenantId());
        var name = organisation.name() != null ? organisation.name() : chosen.tenantName();
        var shortCode = organisation.shortCode() == null ? "" : organisation.shortCode();
        var previous = connections.find(admin.practiceId());
        var now = now();
        var connection = new StoredConnection(
                admin.practiceId(),
                chosen.tenantId(),
                name == null ? "Xero organisation" : name,
                shortCode,
                chosen.id(),
                ConnectionStatus.CONNECTED,
                admin.displayName(),
                now,
                consent.accessTokenCipher(),
                consent.refreshTokenCipher(),
                consent.accessExpiresAt(),
                previous.map(StoredConnection::importFilter).orElse(ImportFilter.CUSTOMERS),
                previous.map(StoredConnection::paused).orElse(false),
                previous.map(StoredConnection::lastSyncAt).orElse(null),
                previous.map(StoredConnection::nextSyncAt).orElse(null));
        try {
            transactions.executeWithoutResult(status -> {
                connections.saveConnected(connection, now);
                consents.deleteFor(admin.practiceId());
            });
        } catch (DuplicateKeyException raced) {
            throw new XeroConnectionException(
                    "This Xero organisation was just connected to another Kontor practice. Nothing was changed.");
        }
        // Organisations ticked at consent but not chosen would otherwise stay connected to Kontor in Xero.
        authorised.stream().filter(t -> !t.tenantId().equals(chosen.tenantId())).forEach(unused -> {
            try {
                xero.deleteConnection(accessToken, unused.id());
            } catch (XeroConnectionException ignored) {
                log.warn("Could not remove the unused Xero connection {}", unused.id());
            }
        });
        events.publishEvent(new XeroConnected(admin.practiceId(), chosen.tenantId()));
        return connection.view();
    }

    private ConsentRows.PendingConsent pendingConsent(SignedInUser admin) {
        consents.deleteOlderThan(now().minus(CONSENT_LIFETIME));
        return consents.latest(admin.practiceId(), admin.userId(), now().minus(CONSENT_LIFETIME))
                .orElseThrow(() -> new XeroConnectionException(
                        "No Xero consent is waiting to be finished. Start again with Connect to Xero."));
    }

    private List<XeroApiClient.TenantConnection> organisationsOf(ConsentRows.PendingConsent consent) {
        return xero.connections(cipher.decrypt(consent.accessTokenCipher()), consent.authenticationEventId()).stream()
                .filter(XeroApiClient.TenantConnection::isOrganisation)
                .toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
