package app.kontor.xero.internal;

import app.kontor.shared.PracticeId;
import app.kontor.xero.NewXeroContact;
import app.kontor.xero.XeroAccounting;
import app.kontor.xero.XeroApiException;
import app.kontor.xero.XeroConnectionException;
import app.kontor.xero.XeroContact;
import app.kontor.xero.XeroContactPage;
import app.kontor.xero.XeroContactReader;
import app.kontor.xero.XeroContactSnapshot;
import app.kontor.xero.XeroOrganisation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

@Service
class XeroAccountingClient implements XeroAccounting {

    /** Enough for a pre-flight check by name or email; more matches than this are not expected. */
    static final int SEARCH_PAGE_SIZE = 100;

    private static final DateTimeFormatter IF_MODIFIED_SINCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

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

    @Override
    public List<XeroContact> searchContacts(PracticeId practice, String text) {
        return listContacts(practice, "search Xero's contacts", builder -> builder.queryParam("searchTerm", text));
    }

    @Override
    public Optional<XeroContact> findContact(PracticeId practice, UUID contactId) {
        var connection = connected(practice);
        try {
            var answer = calls.<XeroContactJson.Envelope>call(
                    practice,
                    connection.tenantId(),
                    "read the Xero contact",
                    XeroCalls.WhenLimited.FAIL_FAST,
                    token -> api.rest()
                            .get()
                            .uri(api.settings().apiUri() + "/Contacts/" + contactId)
                            .headers(headers -> XeroApiClient.accounting(headers, token, connection.tenantId()))
                            .retrieve()
                            .toEntity(XeroContactJson.Envelope.class));
            return answer == null
                    ? Optional.empty()
                    : answer.list().stream()
                            .map(XeroContactJson.Contact::toXeroContact)
                            .filter(Objects::nonNull)
                            .findFirst();
        } catch (XeroApiException missing) {
            if (missing.isNotFound()) {
                return Optional.empty();
            }
            throw missing;
        }
    }

    @Override
    public List<XeroContact> contactsWithEmail(PracticeId practice, String email) {
        return listContacts(
                practice,
                "search Xero's contacts",
                builder -> builder.queryParam("where", "EmailAddress==" + XeroContactJson.quoted(email)));
    }

    @Override
    public XeroContactPage contactsPage(PracticeId practice, int page, @Nullable Instant modifiedSince) {
        var bytes = readContacts(
                practice,
                "read Xero's contacts",
                builder -> builder.queryParam("order", "UpdatedDateUTC ASC").queryParam("page", page),
                modifiedSince);
        var listing = XeroContactReader.listing(bytes);
        return new XeroContactPage(listing.contacts(), page, PAGE_SIZE, listing.itemCount(), bytes.length);
    }

    @Override
    public ContactsById contactsById(PracticeId practice, java.util.Collection<UUID> contactIds) {
        var ids = List.copyOf(contactIds);
        var found = new java.util.ArrayList<XeroContactSnapshot>(ids.size());
        var calls = 0;
        var bytes = 0L;
        for (var from = 0; from < ids.size(); from += IDS_PER_CALL) {
            var batch = String.join(
                    ",",
                    ids.subList(from, Math.min(ids.size(), from + IDS_PER_CALL)).stream()
                            .map(UUID::toString)
                            .toList());
            var body = readContacts(
                    practice,
                    "read the changed contacts",
                    builder -> builder.queryParam("IDs", batch).queryParam("page", 1),
                    null);
            calls++;
            bytes += body.length;
            found.addAll(XeroContactReader.page(body));
        }
        return new ContactsById(List.copyOf(found), calls, bytes);
    }

    /** One page of {@code GET /Contacts} ({@value #PAGE_SIZE} a page, archived included) as Xero's bytes. */
    private byte[] readContacts(
            PracticeId practice,
            String what,
            UnaryOperator<UriComponentsBuilder> query,
            @Nullable Instant modifiedSince) {
        var connection = connected(practice);
        var uri = query.apply(UriComponentsBuilder.fromUriString(api.settings().apiUri() + "/Contacts")
                        .queryParam("includeArchived", "true")
                        .queryParam("pageSize", PAGE_SIZE))
                .encode()
                .build()
                .toUri();
        var body = calls.<byte[]>call(
                practice,
                connection.tenantId(),
                what,
                XeroCalls.WhenLimited.WAIT,
                token -> api.rest()
                        .get()
                        .uri(uri)
                        .headers(headers -> {
                            XeroApiClient.accounting(headers, token, connection.tenantId());
                            if (modifiedSince != null) {
                                // Xero wants ISO-8601 to the second, not an HTTP date (XERO-CONTRACT §1.3).
                                headers.set("If-Modified-Since", IF_MODIFIED_SINCE.format(modifiedSince));
                            }
                        })
                        .retrieve()
                        .toEntity(byte[].class));
        return body == null ? new byte[0] : body;
    }

    @Override
    public XeroContact createContact(PracticeId practice, NewXeroContact contact, String idempotencyKey) {
        var connection = connected(practice);
        var answer = calls.<XeroContactJson.Envelope>call(
                practice,
                connection.tenantId(),
                "create the contact",
                XeroCalls.WhenLimited.FAIL_FAST,
                token -> api.rest()
                        .put()
                        .uri(api.settings().apiUri() + "/Contacts?summarizeErrors=false")
                        .headers(headers -> {
                            XeroApiClient.accounting(headers, token, connection.tenantId());
                            headers.set("Idempotency-Key", idempotencyKey);
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(XeroContactJson.createBody(contact))
                        .retrieve()
                        .toEntity(XeroContactJson.Envelope.class));
        var created =
                answer == null || answer.list().isEmpty() ? null : answer.list().getFirst();
        if (created == null) {
            throw new XeroApiException(502, "Xero answered without the contact it created.", List.of());
        }
        // With summarizeErrors=false a refused contact comes back in a 200 (XERO-CONTRACT §1.6).
        if (Boolean.TRUE.equals(created.hasValidationErrors()) || created.toXeroContact() == null) {
            var messages = created.messages();
            throw new XeroApiException(400, "Xero did not accept the contact: " + String.join(" ", messages), messages);
        }
        return created.toXeroContact();
    }

    @Override
    public XeroContactSnapshot updateContact(
            PracticeId practice, XeroContactSnapshot current, NewXeroContact values, String idempotencyKey) {
        var connection = connected(practice);
        var body = XeroContactJson.updateBody(
                values,
                XeroContactReader.objects(current.rawJson(), "Phones"),
                XeroContactReader.objects(current.rawJson(), "Addresses"));
        var answer = calls.<byte[]>call(
                practice,
                connection.tenantId(),
                "update the contact",
                XeroCalls.WhenLimited.WAIT,
                token -> api.rest()
                        .post()
                        .uri(api.settings().apiUri() + "/Contacts/" + current.contactId())
                        .headers(headers -> {
                            XeroApiClient.accounting(headers, token, connection.tenantId());
                            headers.set("Idempotency-Key", idempotencyKey);
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .retrieve()
                        .toEntity(byte[].class));
        var bytes = answer == null ? new byte[0] : answer;
        var refused = XeroContactReader.validationMessages(bytes);
        if (!refused.isEmpty()) {
            throw new XeroApiException(400, "Xero did not accept the change: " + String.join(" ", refused), refused);
        }
        return XeroContactReader.page(bytes).stream()
                .findFirst()
                .orElseThrow(
                        () -> new XeroApiException(502, "Xero answered without the contact it updated.", List.of()));
    }

    private List<XeroContact> listContacts(
            PracticeId practice, String what, UnaryOperator<UriComponentsBuilder> query) {
        var connection = connected(practice);
        var uri = query.apply(UriComponentsBuilder.fromUriString(api.settings().apiUri() + "/Contacts")
                        .queryParam("includeArchived", "true")
                        .queryParam("page", 1)
                        .queryParam("pageSize", SEARCH_PAGE_SIZE))
                .encode()
                .build()
                .toUri();
        var answer = calls.<XeroContactJson.Envelope>call(
                practice,
                connection.tenantId(),
                what,
                XeroCalls.WhenLimited.FAIL_FAST,
                token -> api.rest()
                        .get()
                        .uri(uri)
                        .headers(headers -> XeroApiClient.accounting(headers, token, connection.tenantId()))
                        .retrieve()
                        .toEntity(XeroContactJson.Envelope.class));
        return answer == null
                ? List.of()
                : answer.list().stream()
                        .map(XeroContactJson.Contact::toXeroContact)
                        .filter(Objects::nonNull)
                        .toList();
    }

    private StoredConnection connected(PracticeId practice) {
        return connections
                .find(practice)
                .orElseThrow(() -> new XeroConnectionException("This practice is not connected to Xero."));
    }
}
