package app.kontor.xero;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * How long the current web request waited for Xero, so responses can say so ({@code Server-Timing})
 * and benchmarks can tell Kontor's own time from Xero's.
 */
public final class XeroTime {

    private static final String ATTRIBUTE = XeroTime.class.getName();

    private XeroTime() {}

    /** Adds a call's duration to the current request's total; outside a request it is ignored. */
    public static void add(long nanos) {
        var request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            var sofar = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            var total = (sofar instanceof Long previous ? previous : 0L) + nanos;
            request.setAttribute(ATTRIBUTE, total, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The {@code Server-Timing} value for the time spent waiting for Xero in this request. */
    public static String serverTiming() {
        var request = RequestContextHolder.getRequestAttributes();
        var total = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        var millis = (total instanceof Long nanos ? nanos : 0L) / 1_000_000.0;
        return "xero;desc=\"Waiting for Xero\";dur=" + String.format(java.util.Locale.ROOT, "%.1f", millis);
    }
}
