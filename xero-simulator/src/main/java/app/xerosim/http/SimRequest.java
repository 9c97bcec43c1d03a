package app.xerosim.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as handlers see it. Query parameter and header names compare case-insensitively, as
 * Xero's do ({@code summarizeErrors} and {@code SummarizeErrors} are the same parameter).
 */
public record SimRequest(
        String method,
        String path,
        @Nullable String rawQuery,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        byte[] body,
        Map<String, String> pathVariables) {

    public SimRequest withPathVariables(Map<String, String> variables) {
        return new SimRequest(method, path, rawQuery, query, headers, body, variables);
    }

    public @Nullable String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public @Nullable String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String pathVariable(String name) {
        String value = pathVariables.get(name);
        if (value == null) {
            throw new IllegalStateException("No path variable " + name);
        }
        return value;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Parses an {@code application/x-www-form-urlencoded} body. */
    public Map<String, List<String>> form() {
        return QueryStrings.parse(bodyText());
    }

    public @Nullable String formValue(String name) {
        List<String> values = form().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    static Map<String, List<String>> caseInsensitive(Map<String, List<String>> source) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        source.forEach((k, v) -> map.merge(k, List.copyOf(v), (a, b) -> {
            var all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        return map;
    }
}
