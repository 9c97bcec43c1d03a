package app.kontor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.kontor.KontorIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DESIGN §1 rule 9: everything a user can click, the REST API can do. Walks every state-changing route
 * of the web UI (each POST, PUT, PATCH or DELETE handler outside {@code /api}) and checks that the
 * table below names its API twin and that the twin is documented in {@code /v3/api-docs}.
 *
 * <p>Adding a UI action? Add one line to {@link #TWINS}: {@code "POST /ui/route"} (the handler's
 * pattern exactly) to {@code "METHOD /api/v1/path"} (as in the OpenAPI document).
 */
@KontorIntegrationTest
class ApiTwinsIntegrationTests {

    /** Web UI action → its API twin. */
    static final Map<String, String> TWINS = Map.ofEntries(
            // contacts
            Map.entry("POST /contacts/new", "POST /api/v1/contacts"),
            Map.entry("POST /contacts/{id}/edit", "PUT /api/v1/contacts/{id}"),
            Map.entry("POST /contacts/{id}/archive", "POST /api/v1/contacts/{id}/archive"),
            Map.entry("POST /contacts/{id}/restore", "POST /api/v1/contacts/{id}/restore"),
            // Making an email, phone or address the billing/primary one: the flags in the PUT body.
            Map.entry("POST /contacts/{id}/{detail:emails|phones|addresses}/{index}/main", "PUT /api/v1/contacts/{id}"),
            // Xero Client section
            Map.entry("POST /contacts/{id}/xero/create", "POST /api/v1/contacts/{id}/xero"),
            Map.entry("POST /contacts/{id}/xero/link", "PUT /api/v1/contacts/{id}/xero"),
            Map.entry("POST /contacts/{id}/xero/search", "POST /api/v1/contacts/{id}/xero/search"),
            Map.entry("POST /contacts/{id}/xero/unlink", "DELETE /api/v1/contacts/{id}/xero"),
            // Xero connection
            Map.entry("POST /settings/integrations/xero/disconnect", "POST /api/v1/xero/connection/disconnect"),
            Map.entry("POST /settings/integrations/xero/pause", "POST /api/v1/xero/connection/pause"),
            Map.entry("POST /settings/integrations/xero/resume", "POST /api/v1/xero/connection/resume"),
            Map.entry("POST /settings/integrations/xero/import-filter", "PUT /api/v1/xero/connection/import-filter"),
            Map.entry("POST /settings/integrations/xero/sync", "POST /api/v1/xero/sync"),
            // Match review
            Map.entry(
                    "POST /settings/integrations/xero/matches/{reviewId}/confirm",
                    "POST /api/v1/xero/matches/{reviewId}/confirm"),
            Map.entry(
                    "POST /settings/integrations/xero/matches/{reviewId}/create-new",
                    "POST /api/v1/xero/matches/{reviewId}/create-new"),
            // users (admins)
            Map.entry("POST /settings/users", "POST /api/v1/users"),
            Map.entry("POST /settings/users/{id}/role", "PUT /api/v1/users/{id}/role"),
            Map.entry("POST /settings/users/{id}/deactivate", "POST /api/v1/users/{id}/deactivate"),
            Map.entry("POST /settings/users/{id}/activate", "POST /api/v1/users/{id}/activate"),
            Map.entry("POST /settings/users/{id}/reset-password", "POST /api/v1/users/{id}/password-reset"),
            // your account
            Map.entry("POST /settings/account/password", "PUT /api/v1/account/password"),
            Map.entry("POST /settings/account/tokens", "POST /api/v1/account/tokens"),
            Map.entry("POST /settings/account/tokens/{id}/revoke", "DELETE /api/v1/account/tokens/{id}"));

    /** Routes that are not user actions on Kontor's data, so they have no API twin on purpose. */
    static final Set<String> NOT_USER_ACTIONS = Set.of(
            // Sign-in and sign-out (POST /login, POST /logout) are Spring Security filters, not handlers;
            // the API authenticates with the session or an API token instead.
            "POST /login",
            "POST /logout",
            // First-start setup happens before anyone can authenticate to the API.
            "POST /setup",
            // Connecting to Xero is a browser flow through Xero's consent page (GET /api/v1/xero/connection
            // gives the connectUrl); choosing the organisation is the last step of that consent.
            "POST /settings/integrations/xero/connect",
            "POST /settings/integrations/xero/choose",
            // Xero calls this, not a user.
            "POST /webhooks/xero");

    private static final Set<RequestMethod> STATE_CHANGING =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void everyUserActionOfTheWebUiHasADocumentedApiTwin() throws Exception {
        var documented = documentedOperations();
        var missing = new ArrayList<String>();
        for (var route : uiActions()) {
            if (NOT_USER_ACTIONS.contains(route)) {
                continue;
            }
            var twin = TWINS.get(route);
            if (twin == null) {
                missing.add(route + " has no API twin in ApiTwinsIntegrationTests.TWINS");
            } else if (!documented.contains(twin)) {
                missing.add(route + " names the twin " + twin + ", which is not in /v3/api-docs");
            }
        }
        assertThat(missing)
                .as("Every web UI action needs its API twin (DESIGN §1 rule 9)")
                .isEmpty();
    }

    @Test
    void theTableNamesOnlyRoutesThatExist() {
        var actions = uiActions();

        assertThat(TWINS.keySet())
                .as("UI routes in TWINS that no handler serves any more")
                .allSatisfy(route -> assertThat(actions).contains(route));
    }

    @Test
    void everyTwinIsDescribedWithExamplesForItsRequestAndSuccessResponse() throws Exception {
        var api = apiDocs();
        var schemas = api.path("components").path("schemas");
        var missing = new ArrayList<String>();
        for (var twin : new TreeSet<>(TWINS.values())) {
            var method = twin.substring(0, twin.indexOf(' ')).toLowerCase(Locale.ROOT);
            var path = twin.substring(twin.indexOf(' ') + 1);
            var operation = api.path("paths").path(path).path(method);
            assertThat(operation.path("summary").isString())
                    .as(twin + " has a summary")
                    .isTrue();
            operation
                    .path("requestBody")
                    .path("content")
                    .properties()
                    .forEach(
                            media -> new ExampleCheck(schemas, twin + " request body (" + media.getKey() + ")", missing)
                                    .check(media.getValue().path("schema"), "body"));
            var successes = 0;
            for (var response : operation.path("responses").properties()) {
                if (!response.getKey().startsWith("2")) {
                    continue;
                }
                successes++;
                response.getValue()
                        .path("content")
                        .properties()
                        .forEach(media -> new ExampleCheck(
                                        schemas,
                                        twin + " " + response.getKey() + " response (" + media.getKey() + ")",
                                        missing)
                                .check(media.getValue().path("schema"), "body"));
            }
            if (successes == 0) {
                missing.add(twin + " documents no success (2xx) response");
            }
        }
        assertThat(missing)
                .as("Every property of a twin's request body and success response needs an example "
                        + "(@Schema(example = ...)); a ResponseEntity<?> handler needs "
                        + "@ApiResponse(content = @Content(schema = @Schema(implementation = ...)))")
                .isEmpty();
    }

    /**
     * Walks one request or response schema of {@code /v3/api-docs}: a schema with an {@code example}
     * is described; otherwise each of its properties needs one, following {@code $ref}s into {@code
     * components/schemas} (an object property counts through its own schema's properties) and array
     * items. Adds {@code "where: Schema/property"} to {@code missing} for each property without one.
     */
    private record ExampleCheck(JsonNode schemas, String where, List<String> missing) {

        void check(JsonNode schema, String name) {
            check(schema, name, new HashSet<>());
        }

        private void check(JsonNode schema, String name, Set<String> seen) {
            if (hasExample(schema)) {
                return;
            }
            if (schema.has("$ref")) {
                var ref = schema.path("$ref").asString();
                var component = ref.substring(ref.lastIndexOf('/') + 1);
                if (seen.add(component)) {
                    var resolved = schemas.path(component);
                    if (resolved.isMissingNode()) {
                        missing.add(where + ": " + name + " refers to " + ref + ", which is not in components/schemas");
                    } else {
                        check(resolved, component, seen);
                    }
                }
                return;
            }
            for (var combinator : List.of("allOf", "oneOf", "anyOf")) {
                if (schema.has(combinator)) {
                    for (var part : schema.path(combinator)) {
                        if (!part.path("type").asString("").equals("null")) {
                            check(part, name, seen);
                        }
                    }
                    return;
                }
            }
            if (schema.has("items")) {
                check(schema.path("items"), name + "[]", seen);
                return;
            }
            var properties = schema.path("properties");
            if (properties.isEmpty()) {
                missing.add(where + ": " + name + " has neither properties nor an example"
                        + (schema.isEmpty() ? " (no schema at all)" : " (" + schema + ")"));
                return;
            }
            for (var property : properties.properties()) {
                var value = property.getValue();
                var label = name + "/" + property.getKey();
                if (hasExample(value)) {
                    continue;
                }
                if (value.has("$ref")
                        || value.has("items")
                        || value.has("allOf")
                        || value.has("oneOf")
                        || value.has("anyOf")) {
                    check(value, label, seen);
                } else {
                    missing.add(where + ": " + label + " has no example");
                }
            }
        }

        private static boolean hasExample(JsonNode schema) {
            return schema.has("example")
                    || (schema.has("examples") && !schema.path("examples").isEmpty());
        }
    }

    /** {@code "POST /settings/users"} for every state-changing handler outside {@code /api}. */
    private Set<String> uiActions() {
        var actions = new TreeSet<String>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            for (var verb : info.getMethodsCondition().getMethods()) {
                if (!STATE_CHANGING.contains(verb)) {
                    continue;
                }
                for (var pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/")) {
                        actions.add(verb.name() + " " + pattern);
                    }
                }
            }
        });
        return actions;
    }

    private Set<String> documentedOperations() throws Exception {
        var operations = new TreeSet<String>();
        apiDocs()
                .path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .propertyNames()
                        .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    private JsonNode apiDocs() throws Exception {
        var body = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }
}
