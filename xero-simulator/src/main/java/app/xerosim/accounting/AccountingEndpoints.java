package app.xerosim.accounting;

import app.xerosim.ContactChanges;
import app.xerosim.ContactStatus;
import app.xerosim.SimContact;
import app.xerosim.http.DeferredLatency;
import app.xerosim.http.Json;
import app.xerosim.http.Router;
import app.xerosim.http.SimRequest;
import app.xerosim.http.SimResponse;
import app.xerosim.http.XeroErrors;
import app.xerosim.identity.IdentityEndpoints;
import app.xerosim.identity.Simulation;
import app.xerosim.identity.Tokens;
import app.xerosim.state.Connection;
import app.xerosim.state.ContactRules;
import app.xerosim.state.OrgBook;
import app.xerosim.state.OrganisationInfo;
import app.xerosim.state.RateCounter;
import app.xerosim.state.RegisteredApp;
import app.xerosim.state.SimState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api.xro/2.0/Organisation} and {@code /api.xro/2.0/Contacts}: authentication, tenant and scope
 * checks, rate-limit headers, idempotency, and Xero's contact semantics (XERO-CONTRACT §1-§3).
 */
public final class AccountingEndpoints {

    public static final String BASE = "/api.xro/2.0";
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private static final Set<String> READ_CONTACTS = Set.of("accounting.contacts", "accounting.contacts.read");
    private static final Set<String> WRITE_CONTACTS = Set.of("accounting.contacts");
    private static final Set<String> READ_SETTINGS = Set.of("accounting.settings", "accounting.settings.read");

    private final Simulation sim;
    private final SimState state;
    private final IdentityEndpoints identity;
    private final Idempotency idempotency;
    private final ContactJsonCache json = new ContactJsonCache();

    public AccountingEndpoints(Simulation sim, IdentityEndpoints identity) {
        this.sim = sim;
        this.state = sim.state();
        this.identity = identity;
        this.idempotency = new Idempotency(sim);
    }

    public void register(Router router) {
        router.add("GET", BASE + "/Organisation", r -> guarded(r, READ_SETTINGS, this::organisation))
                .add("GET", BASE + "/Contacts", r -> guarded(r, READ_CONTACTS, this::listContacts))
                .add("GET", BASE + "/Contacts/{id}", r -> guarded(r, READ_CONTACTS, this::getContact))
                .add("PUT", BASE + "/Contacts", r -> guarded(r, WRITE_CONTACTS, a -> write(a, this::putContacts)))
                .add("POST", BASE + "/Contacts", r -> guarded(r, WRITE_CONTACTS, a -> write(a, this::postContacts)))
                .add(
                        "POST",
                        BASE + "/Contacts/{id}",
                        r -> guarded(r, WRITE_CONTACTS, a -> write(a, this::postContact)));
    }

    /** A request that passed the token, tenant and scope checks. */
    record Access(SimRequest request, String clientId, String appName, UUID tenantId) {}

    // ---- guard -----------------------------------------------------------------------------------

    private SimResponse guarded(SimRequest request, Set<String> anyScope, Function<Access, SimResponse> handler) {
        Tokens.Check check = identity.bearer(request);
        if (!(check instanceof Tokens.Valid valid)) {
            return IdentityEndpoints.rejected(check);
        }
        UUID tenantId = tenant(request.header("xero-tenant-id"));
        Instant now = sim.clock().instant();
        if (tenantId == null) {
            return XeroErrors.forbidden();
        }
        record Found(@Nullable RegisteredApp app, boolean connected) {}
        Found found = state.read(() -> new Found(
                state.apps().get(valid.clientId()),
                state.connections().values().stream().anyMatch(c -> isConnection(c, valid.clientId(), tenantId))));
        if (!found.connected() || found.app() == null) {
            return XeroErrors.forbidden();
        }
        RateCounter.Decision decision = sim.rates().startTenantCall(valid.clientId(), tenantId, now);
        SimResponse response;
        if (!decision.allowed()) {
            response = XeroErrors.problem(429, "Too Many Requests", "Rate limit exceeded: " + decision.problem())
                    .withHeader("X-Rate-Limit-Problem", decision.problem());
            if (decision.retryAfterSeconds() > 0) {
                response = response.withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            }
        } else {
            try {
                response = answer(request, anyScope, handler, valid, found.app().name(), tenantId);
            } finally {
                sim.rates().finish(tenantId);
            }
        }
        RateCounter.Remaining remaining = decision.remaining();
        return response.withHeader("X-DayLimit-Remaining", Integer.toString(remaining.day()))
                .withHeader("X-MinLimit-Remaining", Integer.toString(remaining.minute()))
                .withHeader("X-AppMinLimit-Remaining", Integer.toString(remaining.appMinute()));
    }

    private SimResponse answer(
            SimRequest request,
            Set<String> anyScope,
            Function<Access, SimResponse> handler,
            Tokens.Valid valid,
            String appName,
            UUID tenantId) {
        if (valid.scopes().stream().noneMatch(anyScope::contains)) {
            return XeroErrors.forbidden();
        }
        if (!acceptsJson(request)) {
            return SimResponse.text(
                    406,
                    "The Xero simulator answers in JSON only: send Accept: application/json (Xero answers XML"
                            + " otherwise).");
        }
        DeferredLatency.apply();
        return handler.apply(new Access(request, valid.clientId(), appName, tenantId));
    }

    private static boolean isConnection(Connection c, String clientId, UUID tenantId) {
        return c.clientId().equals(clientId) && c.tenantId().equals(tenantId);
    }

    private static boolean acceptsJson(SimRequest request) {
        String accept = request.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("json");
    }

    private static @Nullable UUID tenant(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            return UUID.fromString(header.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- organisation ----------------------------------------------------------------------------

    private SimResponse organisation(Access access) {
        OrganisationInfo info = state.read(() -> book(access).info());
        ObjectNode org = Json.object();
        org.put("APIKey", "");
        org.put("Name", info.name());
        org.put("LegalName", info.name());
        org.put("PaysTax", true);
        org.put("Version", info.countryCode());
        org.put("OrganisationType", "COMPANY");
        org.put("BaseCurrency", info.baseCurrency());
        org.put("CountryCode", info.countryCode());
        org.put("IsDemoCompany", false);
        org.put("OrganisationStatus", "ACTIVE");
        org.put("FinancialYearEndDay", 31);
        org.put("FinancialYearEndMonth", 3);
        org.put("DefaultSalesTax", "Tax Exclusive");
        org.put("DefaultPurchasesTax", "Tax Exclusive");
        org.put("CreatedDateUTC", XeroDates.msDate(info.createdDateUtc()));
        org.put("OrganisationEntityType", "COMPANY");
        org.put("Timezone", info.timezone());
        org.put("ShortCode", info.shortCode());
        org.put("OrganisationID", info.tenantId().toString());
        org.put("Edition", "BUSINESS");
        org.put("Class", "PREMIUM");
        org.putArray("Addresses");
        org.putArray("Phones");
        org.putArray("ExternalLinks");
        org.putObject("PaymentTerms");
        ObjectNode body = envelope(access);
        body.putArray("Organisations").add(org);
        return SimResponse.json(200, body);
    }

    // ---- reading contacts ------------------------------------------------------------------------

    private SimResponse listContacts(Access access) {
        SimRequest request = access.request();
        boolean includeArchived = bool(request.param("includeArchived"));
        // Archived contacts are left out by the cached sorted view itself; this is every other condition.
        Predicate<SimContact> filter = null;
        String where = request.param("where");
        if (where != null && !where.isBlank()) {
            try {
                filter = and(filter, WhereFilter.parse(where));
            } catch (WhereFilter.QueryParseError e) {
                return XeroErrors.queryParse(e.getMessage());
            }
        }
        String ids = request.param("IDs");
        Set<UUID> wanted = null;
        if (ids != null && !ids.isBlank()) {
            wanted = new HashSet<>();
            for (String id : ids.split(",")) {
                try {
                    wanted.add(UUID.fromString(id.trim()));
                } catch (IllegalArgumentException e) {
                    return XeroErrors.queryParse("'" + id.trim() + "' is not a valid Guid");
                }
            }
        }
        String searchTerm = request.param("searchTerm");
        if (searchTerm != null && !searchTerm.isBlank()) {
            String needle = searchTerm.toLowerCase(Locale.ROOT);
            filter = and(
                    filter,
                    c -> containsIgnoringCase(
                            needle, c.name(), c.firstName(), c.lastName(), c.contactNumber(), c.emailAddress()));
        }
        String since = request.header("If-Modified-Since");
        if (since != null) {
            // Unparseable values are ignored (all contacts returned), as Xero has been seen to do.
            Optional<Instant> parsed = XeroDates.parseIso(since);
            if (parsed.isPresent()) {
                Instant second = parsed.get().truncatedTo(ChronoUnit.SECONDS);
                boolean inclusive = sim.settings().ifModifiedSinceInclusive();
                filter = and(filter, c -> {
                    Instant updated = c.updatedDateUtc().truncatedTo(ChronoUnit.SECONDS);
                    return inclusive ? !updated.isBefore(second) : updated.isAfter(second);
                });
            }
        }
        Comparator<SimContact> order;
        try {
            order = order(request.param("order"));
        } catch (WhereFilter.QueryParseError e) {
            return XeroErrors.queryParse(e.getMessage());
        }
        String orderKey = request.param("order") == null
                ? ""
                : request.param("order").trim().toLowerCase(Locale.ROOT);
        Predicate<SimContact> matching = filter;
        Set<UUID> only = wanted;
        List<SimContact> found = state.read(() -> {
            if (only != null) {
                // Those contacts alone, in the list's order (a total order: ContactID breaks ties), so the
                // answer equals filtering the sorted list without sorting the whole book after each change.
                OrgBook book = book(access);
                return only.stream()
                        .map(book::contact)
                        .filter(c -> c != null && (includeArchived || c.status() != ContactStatus.ARCHIVED))
                        .filter(c -> matching == null || matching.test(c))
                        .sorted(order)
                        .toList();
            }
            List<SimContact> view = book(access).sorted(orderKey, order, includeArchived);
            return matching == null ? view : view.stream().filter(matching).toList();
        });

        String pageParam = request.param("page");
        String pageSizeParam = request.param("pageSize");
        boolean paged = pageParam != null || pageSizeParam != null;
        boolean summaryOnly = bool(request.param("summaryOnly"));
        Set<String> excluded = summaryOnly ? sim.settings().summaryOnlyExcludedFields() : Set.of();
        ObjectNode body = envelope(access);
        int from = 0;
        int to = found.size();
        if (paged) {
            int pageNumber = Math.max(1, intParam(pageParam, 1));
            int pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, intParam(pageSizeParam, DEFAULT_PAGE_SIZE)));
            from = (int) Math.min((long) (pageNumber - 1) * pageSize, found.size());
            to = Math.min(found.size(), from + pageSize);
            ObjectNode pagination = body.putObject("pagination");
            pagination.put("page", pageNumber);
            pagination.put("pageSize", pageSize);
            pagination.put("pageCount", (found.size() + pageSize - 1) / pageSize);
            pagination.put("itemCount", found.size());
        }
        boolean detail = paged || summaryOnly;
        // An unfiltered list is the book's cached view, the same instance until the next change.
        ContactJsonCache.ViewKey view = matching == null && only == null
                ? new ContactJsonCache.ViewKey(access.tenantId(), orderKey, includeArchived, detail, excluded)
                : null;
        return SimResponse.of(
                200, SimResponse.JSON, json.envelopeWithContacts(body, view, found, from, to, detail, excluded));
    }

    private static Predicate<SimContact> and(@Nullable Predicate<SimContact> first, Predicate<SimContact> second) {
        return first == null ? second : first.and(second);
    }

    private static boolean containsIgnoringCase(String needle, @Nullable String... values) {
        for (String value : values) {
            if (value != null && value.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static Comparator<SimContact> order(@Nullable String order) {
        Comparator<SimContact> byName = Comparator.comparing(c -> c.name().toLowerCase(Locale.ROOT));
        Comparator<SimContact> tieBreak = Comparator.comparing(SimContact::contactId);
        if (order == null || order.isBlank()) {
            return byName.thenComparing(tieBreak);
        }
        Comparator<SimContact> result = null;
        for (String clause : order.split(",")) {
            String[] parts = clause.trim().split("\\s+");
            Comparator<SimContact> one = switch (parts[0].toLowerCase(Locale.ROOT)) {
                case "name" -> byName;
                case "updateddateutc" -> Comparator.comparing(SimContact::updatedDateUtc);
                case "contactid" -> tieBreak;
                case "contactnumber" -> Comparator.comparing(c -> c.contactNumber() == null ? "" : c.contactNumber());
                case "emailaddress" ->
                    Comparator.comparing(c ->
                            c.emailAddress() == null ? "" : c.emailAddress().toLowerCase(Locale.ROOT));
                default ->
                    throw new WhereFilter.QueryParseError(
                            "No property or field '" + parts[0] + "' exists in type 'Contact'");
            };
            if (parts.length > 1) {
                String direction = parts[1].toUpperCase(Locale.ROOT);
                if (direction.equals("DESC")) {
                    one = one.reversed();
                } else if (!direction.equals("ASC")) {
                    throw new WhereFilter.QueryParseError("Unknown sort direction '" + parts[1] + "'");
                }
            }
            result = result == null ? one : result.thenComparing(one);
        }
        return result.thenComparing(tieBreak);
    }

    private SimResponse getContact(Access access) {
        String key = access.request().pathVariable("id");
        SimContact contact = state.read(() -> find(book(access), key));
        if (contact == null) {
            return SimResponse.notFound();
        }
        ObjectNode body = envelope(access);
        body.putArray("Contacts").add(ContactJson.write(contact, true, Set.of()));
        return SimResponse.json(200, body);
    }

    /** A path segment that is a GUID is a ContactID; anything else is a ContactNumber. */
    private static @Nullable SimContact find(OrgBook book, String key) {
        try {
            return book.contact(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return book.byContactNumber(key);
        }
    }

    // ---- writing contacts ------------------------------------------------------------------------

    private SimResponse write(Access access, Function<Access, SimResponse> operation) {
        return idempotency.run(access, operation);
    }

    private record Parsed(
            @Nullable List<ContactJson.Input> inputs,
            @Nullable SimResponse error) {}

    private static Parsed parse(SimRequest request) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.body());
        } catch (JacksonException e) {
            return new Parsed(null, XeroErrors.postDataInvalid(firstLine(e.getOriginalMessage())));
        }
        try {
            List<JsonNode> elements = body == null || body.isMissingNode() ? null : ContactJson.elements(body);
            if (elements == null) {
                return new Parsed(null, XeroErrors.noDataProcessed());
            }
            List<ContactJson.Input> inputs = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                inputs.add(ContactJson.read(elements.get(i), "Contacts[" + i + "]"));
            }
            return new Parsed(inputs, null);
        } catch (ContactJson.BadPostData e) {
            return new Parsed(null, XeroErrors.postDataInvalid(e.getMessage()));
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "Unexpected end of content.";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private SimResponse putContacts(Access access) {
        return batch(access, false);
    }

    private SimResponse postContacts(Access access) {
        return batch(access, true);
    }

    /**
     * PUT creates; POST updates by ContactID, else by active name (Xero's overwrite quirk), else creates.
     * Elements are processed one by one and valid ones are kept even when others fail: Xero batches are
     * not transactional (XERO-CONTRACT §1.6). Called with the state lock held.
     */
    private SimResponse batch(Access access, boolean post) {
        Parsed parsed = parse(access.request());
        if (parsed.error() != null || parsed.inputs() == null) {
            return parsed.error();
        }
        // Xero's own default is summarised errors (a 400 when any element fails).
        boolean summarize = !"false".equalsIgnoreCase(access.request().param("summarizeErrors"));
        OrgBook book = book(access);
        Instant now = sim.clock().instant();
        List<ObjectNode> results = new ArrayList<>();
        List<ObjectNode> failures = new ArrayList<>();
        for (ContactJson.Input input : parsed.inputs()) {
            ContactRules.Outcome outcome = apply(book, input, post, now);
            if (outcome.ok() && outcome.contact() != null) {
                ObjectNode node = ContactJson.write(outcome.contact(), true, Set.of());
                node.put("HasValidationErrors", false);
                results.add(node);
            } else {
                ObjectNode node = failed(outcome, input);
                results.add(node);
                failures.add(node);
            }
        }
        if (summarize && !failures.isEmpty()) {
            return XeroErrors.validation(failures);
        }
        ObjectNode body = envelope(access);
        ArrayNode contacts = body.putArray("Contacts");
        results.forEach(contacts::add);
        return SimResponse.json(200, body);
    }

    private ContactRules.Outcome apply(OrgBook book, ContactJson.Input input, boolean post, Instant now) {
        SimContact existing = null;
        if (input.contactId() != null) {
            existing = book.contact(input.contactId());
            if (existing == null) {
                return new ContactRules.Outcome(
                        null,
                        null,
                        List.of("The contact with ContactID " + input.contactId() + " could not be found."));
            }
        } else if (post && input.changes().name() != null) {
            existing = book.activeNamed(input.changes().name());
        }
        return existing == null
                ? ContactRules.create(book, input.changes(), now)
                : ContactRules.update(book, existing, input.changes(), now, true);
    }

    private static ObjectNode failed(ContactRules.Outcome outcome, ContactJson.Input input) {
        ObjectNode node;
        if (outcome.attempted() != null) {
            node = ContactJson.write(outcome.attempted(), false, Set.of());
            if (input.contactId() == null) {
                node.put("ContactID", ContactJson.EMPTY_ID.toString());
            }
        } else {
            node = input.raw().deepCopy();
        }
        node.remove("UpdatedDateUTC");
        node.put("StatusAttributeString", "ERROR");
        node.put("HasValidationErrors", true);
        ArrayNode errors = node.putArray("ValidationErrors");
        outcome.errors().forEach(m -> errors.addObject().put("Message", m));
        return node;
    }

    private SimResponse postContact(Access access) {
        OrgBook book = book(access);
        SimContact existing = find(book, access.request().pathVariable("id"));
        if (existing == null) {
            return SimResponse.notFound();
        }
        Parsed parsed = parse(access.request());
        if (parsed.error() != null || parsed.inputs() == null) {
            return parsed.error();
        }
        ContactJson.Input input = parsed.inputs().getFirst();
        ContactChanges changes = input.changes();
        ContactRules.Outcome outcome =
                ContactRules.update(book, existing, changes, sim.clock().instant(), true);
        if (!outcome.ok() || outcome.contact() == null) {
            ObjectNode node = failed(outcome, input);
            node.put("ContactID", existing.contactId().toString());
            return XeroErrors.validation(List.of(node));
        }
        ObjectNode node = ContactJson.write(outcome.contact(), true, Set.of());
        node.put("HasValidationErrors", false);
        ObjectNode body = envelope(access);
        body.putArray("Contacts").add(node);
        return SimResponse.json(200, body);
    }

    // ---- shared ----------------------------------------------------------------------------------

    private ObjectNode envelope(Access access) {
        ObjectNode body = Json.object();
        body.put("Id", UUID.randomUUID().toString());
        body.put("Status", "OK");
        body.put("ProviderName", access.appName());
        body.put("DateTimeUTC", XeroDates.msDate(sim.clock().instant()));
        return body;
    }

    private OrgBook book(Access access) {
        OrgBook book = state.organisation(access.tenantId());
        if (book == null) {
            throw new IllegalStateException("Organisation " + access.tenantId() + " vanished");
        }
        return book;
    }

    private static boolean bool(@Nullable String value) {
        return "true".equalsIgnoreCase(value);
    }

    private static int intParam(@Nullable String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
