package app.xerosim.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP response: status, headers and the complete body. */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";

    public SimResponse {
        headers = new LinkedHashMap<>(headers);
    }

    public static SimResponse json(int status, Object value) {
        return of(status, JSON, Json.bytes(value));
    }

    public static SimResponse text(int status, String text) {
        return of(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse html(int status, String html) {
        return of(status, HTML, html.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse redirect(String location) {
        SimResponse response = new SimResponse(302, Map.of(), new byte[0]);
        return response.withHeader("Location", location);
    }

    public static SimResponse empty(int status) {
        return new SimResponse(status, Map.of(), new byte[0]);
    }

    public static SimResponse of(int status, String contentType, byte[] body) {
        return new SimResponse(status, Map.of("Content-Type", contentType), body);
    }

    /** Xero's plain-text 404 (XERO-CONTRACT §1.4): not JSON, whatever the Accept header says. */
    public static SimResponse notFound() {
        return text(404, "The resource you're looking for cannot be found");
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new SimResponse(status, all, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
