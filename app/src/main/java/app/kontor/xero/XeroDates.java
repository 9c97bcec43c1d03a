package app.kontor.xero;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Xero's Microsoft JSON dates: {@code /Date(1551399321043+0000)/}, without an offset, and before
 * 1970 negative ({@code /Date(-1642464000000+0000)/}). The number is UTC milliseconds; the offset
 * is informational and ignored, as Xero's own SDK does (XERO-CONTRACT §1.9).
 */
public final class XeroDates {

    private static final Pattern MS_JSON = Pattern.compile("^\\\\?/Date\\((-?\\d+)([+-]\\d{4})?\\)\\\\?/$");

    private XeroDates() {}

    public static Optional<Instant> parse(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        var matcher = MS_JSON.matcher(value.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(matcher.group(1))));
        } catch (NumberFormatException outOfRange) {
            return Optional.empty();
        }
    }
}
