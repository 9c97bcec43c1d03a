package app.xerosim.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps method and path to a handler. Literal segments compare case-insensitively because Xero's paths do
 * ({@code /connections} and {@code /Connections}); {@code {name}} segments capture one segment.
 */
public final class Router {

    private record Route(String method, List<String> segments, Handler handler) {}

    /** A matched route: the handler and the captured path variables. */
    public record Match(Handler handler, Map<String, String> variables) {}

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    /** The route for the request, or {@code null}; {@code pathKnown} tells 404 from 405. */
    public @Nullable Match match(String method, String path) {
        List<String> segments = split(path);
        for (Route route : routes) {
            if (!route.method().equals(method) || route.segments().size() != segments.size()) {
                continue;
            }
            Map<String, String> variables = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < segments.size(); i++) {
                String expected = route.segments().get(i);
                String actual = segments.get(i);
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    variables.put(expected.substring(1, expected.length() - 1), actual);
                } else if (!expected.equalsIgnoreCase(actual)) {
                    matches = false;
                    break;
                }
            }
            if (matches) {
                return new Match(route.handler(), variables);
            }
        }
        return null;
    }

    private static List<String> split(String path) {
        List<String> segments = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                segments.add(part);
            }
        }
        return segments;
    }
}
