package app.xerosim.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** Xero's error bodies (XERO-CONTRACT §2), in one place so every endpoint answers alike. */
public final class XeroErrors {

    private static final DateTimeFormatter EXPIRY_FORMAT =
            DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").withZone(ZoneOffset.UTC);

    private XeroErrors() {}

    /** The problem shape Xero uses for 401 and 403. */
    public static SimResponse problem(int status, String title, String detail) {
        ObjectNode body = Json.object();
        body.putNull("Type");
        body.put("Title", title);
        body.put("Status", status);
        body.put("Detail", detail);
        body.put("Instance", UUID.randomUUID().toString());
        body.putObject("Extensions");
        return SimResponse.json(status, body);
    }

    public static SimResponse tokenExpired(Instant expiredAt) {
        return problem(401, "Unauthorized", "TokenExpired: token expired at " + EXPIRY_FORMAT.format(expiredAt));
    }

    public static SimResponse unauthorized() {
        return problem(401, "Unauthorized", "AuthorizationUnsuccessful");
    }

    public static SimResponse forbidden() {
        return problem(403, "Forbidden", "AuthenticationUnsuccessful");
    }

    /** Xero's numbered API exception shape ({@code ErrorNumber}, {@code Type}, {@code Message}). */
    public static SimResponse apiException(int status, int number, String type, String message) {
        ObjectNode body = Json.object();
        body.put("ErrorNumber", number);
        body.put("Type", type);
        body.put("Message", message);
        return SimResponse.json(status, body);
    }

    public static SimResponse postDataInvalid(String detail) {
        return apiException(400, 14, "PostDataInvalidException", "JSON for post data was invalid," + detail);
    }

    public static SimResponse noDataProcessed() {
        return apiException(
                400,
                17,
                "NoDataProcessedException",
                "No data has been processed for this endpoint. This endpoint is expecting Contact data to be"
                        + " specifed in the request body.");
    }

    public static SimResponse queryParse(String message) {
        return apiException(400, 16, "QueryParseException", message);
    }

    /** 400 {@code ValidationException} listing the failed elements, as with summarised errors. */
    public static SimResponse validation(List<ObjectNode> elements) {
        ObjectNode body = Json.object();
        body.put("ErrorNumber", 10);
        body.put("Type", "ValidationException");
        body.put("Message", "A validation exception occurred");
        elements.forEach(body.putArray("Elements")::add);
        return SimResponse.json(400, body);
    }

    /** Xero's 500 body is not documented; this uses the problem shape of its 401 and 403. */
    public static SimResponse internalError() {
        return problem(500, "Internal Server Error", "An error occurred in the Xero simulator.");
    }
}
