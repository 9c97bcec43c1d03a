package app.xerosim.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends every exchange the tests make to a JSON-lines file when {@value #PROPERTY} names one (the
 * {@code xero-contract} profile sets it); {@link XeroContractTests} later checks them against Xero's
 * OpenAPI files. Without the property it does nothing.
 */
public final class ExchangeRecorder {

    public static final String PROPERTY = "xero.contract.record";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static boolean started;

    private ExchangeRecorder() {}

    public static void record(
            String kind, String method, String path, int status, @Nullable String requestBody, String responseBody) {
        record(kind, method, path, null, java.util.List.of(), status, requestBody, responseBody);
    }

    /** Records one exchange, with its raw query and the names of the request headers. */
    public static synchronized void record(
            String kind,
            String method,
            String path,
            @Nullable String query,
            java.util.Collection<String> headerNames,
            int status,
            @Nullable String requestBody,
            String responseBody) {
        String target = System.getProperty(PROPERTY);
        if (target == null || target.isBlank()) {
            return;
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("kind", kind);
        line.put("method", method);
        line.put("path", path);
        line.put("query", query);
        headerNames.forEach(line.putArray("headers")::add);
        line.put("status", status);
        line.put("requestBody", requestBody);
        line.put("responseBody", responseBody);
        try {
            Path file = Path.of(target);
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!started) {
                // A fresh file per test run, so old exchanges are never checked again.
                Files.deleteIfExists(file);
                started = true;
            }
            Files.writeString(
                    file,
                    JSON.writeValueAsString(line) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
