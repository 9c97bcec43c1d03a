package app.kontor.xero.internal;

import app.kontor.shared.PracticeId;
import app.kontor.xero.XeroAccounting;
import app.kontor.xero.XeroConnectionException;
import app.kontor.xero.XeroOrganisation;
import java.time.Clock;
import org.springframework.stereotype.Service;

@Service
class XeroAccountingClient implements XeroAccounting {

    private final XeroApiClient api;
    private final XeroCalls calls;
    private final ConnectionRows connections;
    private final Clock clock;

    XeroAccountingClient(XeroApiClient api, XeroCalls calls, ConnectionRows connections, Clock clock) {
        this.api = api;
        this.calls = calls;
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public XeroOrganisation organisation(PracticeId practice) {
        var connection = connections
                .find(practice)
                .orElseThrow(() -> new XeroConnectionException("This practice is not connected to Xero."));
        var answer = calls.call(
                practice,
                connection.tenantId(),
                "read the organisation",
                XeroCalls.WhenLimited.WAIT,
                token -> api.rest()
                        .get()
                        .uri(api.settings().apiUri() + "/Organisation")
                        .headers(headers -> XeroApiClient.accounting(headers, token, connection.tenantId()))
                        .retrieve()
                        .toEntity(XeroApiClient.Organisations.class));
        if (answer == null
                || answer.organisations() == null
                || answer.organisations().isEmpty()) {
            throw new XeroConnectionException("Xero did not describe the organisation.");
        }
        var organisation = answer.organisations().getFirst();
        var described = new XeroOrganisation(
                organisation.name() == null ? connection.organisationName() : organisation.name(),
                organisation.shortCode() == null ? connection.shortCode() : organisation.shortCode());
        connections.saveOrganisation(practice, described.name(), described.shortCode(), clock.instant());
        return described;
    }
}
