package app.xerosim.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates every recorded exchange of the test suite against Xero's official OpenAPI files: successful
 * request bodies and every JSON response body that the files describe for that operation and status.
 * Runs only in the {@code xero-contract} profile ({@code -Pxero-contract -Dxero.openapi.dir=...}), after
 * the rest of the suite has recorded its exchanges.
 */
class XeroContractTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String API = "/api.xro/2.0";

    private record Operation(JsonNode node, String template) {}

    @Test
    void everyRecordedExchangeMatchesXerosOpenApiFiles() throws Exception {
        String dir = System.getProperty("xero.openapi.dir");
        String recorded = System.getProperty(ExchangeRecorder.PROPERTY);
        assertThat(dir != null && !dir.isBlank() && !dir.startsWith("${") && recorded != null)
                .as("Run with -Pxero-contract -Dxero.openapi.dir=...")
                .isTrue();
        Path files = Path.of(dir);
        String root = System.getProperty("xero.build.root");
        if (!files.isAbsolute() && root != null && !Files.exists(files.resolve("xero_accounting.yaml"))) {
            // A relative directory is meant from the build's root, where the command is typed.
            files = Path.of(root).resolve(dir);
        }
        YAMLMapper yaml = YAMLMapper.builder().build();
        JsonNode accounting =
                yaml.readTree(files.resolve("xero_accounting.yaml").toFile());
        JsonNode identity = yaml.readTree(files.resolve("xero-identity.yaml").toFile());
        JsonNode webhooks = yaml.readTree(files.resolve("xero-webhooks.yaml").toFile());

        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(Path.of(recorded))) {
            JsonNode exchange = JSON.readTree(line);
            String kind = exchange.get("kind").asString();
            String path = exchange.get("path").asString();
            String label = exchange.get("method").asString() + " " + path + " "
                    + exchange.get("status").asInt();
            if (kind.equals("webhook")) {
                JsonNode body = JSON.readTree(exchange.get("requestBody").asString());
                SchemaChecker checker = new SchemaChecker(webhooks);
                JsonNode schema = webhooks.at("/components/schemas/WebhookEvent");
                checker.check(body, schema).forEach(p -> problems.add("webhook: " + p));
                checked++;
                continue;
            }
            JsonNode spec;
            String specPath;
            if (path.regionMatches(true, 0, API, 0, API.length())) {
                spec = accounting;
                specPath = path.substring(API.length());
            } else if (path.toLowerCase(Locale.ROOT).startsWith("/connections")) {
                spec = identity;
                specPath = path;
            } else {
                continue;
            }
            Operation operation =
                    operation(spec, specPath, exchange.get("method").asString());
            if (operation == null) {
                problems.add(label + ": no such operation in the OpenAPI file");
                continue;
            }
            SchemaChecker checker = new SchemaChecker(spec);
            int status = exchange.get("status").asInt();
            checkParameters(spec, checker, operation, exchange, status, label, problems);
            JsonNode response = operation.node().path("responses").path(Integer.toString(status));
            JsonNode responseSchema =
                    response.path("content").path("application/json").path("schema");
            String responseBody = exchange.get("responseBody").asString();
            if (!responseSchema.isMissingNode() && !responseBody.isEmpty()) {
                checker.check(JSON.readTree(responseBody), responseSchema)
                        .forEach(p -> problems.add(label + " response " + p));
                checked++;
            }
            JsonNode requestSchema = operation
                    .node()
                    .path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema");
            JsonNode requestBody = exchange.get("requestBody");
            if (status == 200 && !requestSchema.isMissingNode() && requestBody.isString()) {
                checker.check(JSON.readTree(requestBody.asString()), requestSchema)
                        .forEach(p -> problems.add(label + " request " + p));
                checked++;
            }
        }

        System.out.println("Xero contract: " + checked + " bodies checked against the OpenAPI files");
        assertThat(problems).isEmpty();
        assertThat(checked).as("bodies checked").isGreaterThan(50);
    }

    /**
     * Query parameters must be ones the operation declares (names compare ignoring case, as Xero's do);
     * a successful call must have carried every required header parameter (such as xero-tenant-id).
     */
    private static void checkParameters(
            JsonNode spec,
            SchemaChecker checker,
            Operation operation,
            JsonNode exchange,
            int status,
            String label,
            List<String> problems) {
        List<JsonNode> declared = new ArrayList<>();
        spec.get("paths").get(operation.template()).path("parameters").forEach(p -> declared.add(checker.resolve(p)));
        operation.node().path("parameters").forEach(p -> declared.add(checker.resolve(p)));
        String query = exchange.path("query").asString("");
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                boolean known = declared.stream()
                        .anyMatch(p -> p.path("in").asString("").equals("query")
                                && p.path("name").asString("").equalsIgnoreCase(name));
                if (!known) {
                    problems.add(label + ": query parameter " + name + " is not declared for the operation");
                }
            }
        }
        if (status >= 200 && status < 300) {
            List<String> sent = new ArrayList<>();
            exchange.path("headers").forEach(h -> sent.add(h.asString().toLowerCase(Locale.ROOT)));
            for (JsonNode parameter : declared) {
                if (parameter.path("in").asString("").equals("header")
                        && parameter.path("required").asBoolean(false)
                        && !sent.contains(parameter.path("name").asString("").toLowerCase(Locale.ROOT))) {
                    problems.add(label + ": required header "
                            + parameter.path("name").asString() + " was not sent");
                }
            }
        }
    }

    /** The operation whose path template matches, segment by segment, ignoring case as Xero does. */
    private static @Nullable Operation operation(JsonNode spec, String path, String method) {
        String[] actual = path.replaceAll("^/+", "").split("/");
        for (var entry : spec.get("paths").properties()) {
            String[] template = entry.getKey().replaceAll("^/+", "").split("/");
            if (template.length != actual.length) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                matches = template[i].startsWith("{") || template[i].equalsIgnoreCase(actual[i]);
            }
            JsonNode operation = entry.getValue().get(method.toLowerCase(Locale.ROOT));
            if (matches && operation != null) {
                return new Operation(operation, entry.getKey());
            }
        }
        return null;
    }
}
