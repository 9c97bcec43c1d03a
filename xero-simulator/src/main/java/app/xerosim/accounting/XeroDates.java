package app.xerosim.accounting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Xero's date formats: MS-JSON dates out, ISO-8601 timestamps in ({@code If-Modified-Since}). */
public final class XeroDates {

    private static final List<DateTimeFormatter> OFFSET_FORMATS = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm[:ss][.SSSSSSSSS][.SSSSSSSS][.SSSSSSS][.SSSSSS][.SSSSS][.SSSS][.SSS][.SS][.S]XX"));

    private XeroDates() {}

    /** {@code /Date(1551399321043+0000)/}, as on {@code UpdatedDateUTC}. */
    public static String msDateWithOffset(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + "+0000)/";
    }

    /** {@code /Date(1551399323399)/}, as on the envelope's {@code DateTimeUTC}. */
    public static String msDate(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + ")/";
    }

    /**
     * Parses every ISO-8601 form Xero's SDKs send: with or without seconds, fractions and offset
     * ({@code 2026-01-01T00:00Z}, {@code 2026-01-01T10:15:30.123+13:00}, {@code 2009-11-12T00:00:00}); no
     * offset means UTC. RFC 1123 dates are not ISO and are not accepted.
     */
    public static Optional<Instant> parseIso(String text) {
        String value = text.trim();
        for (DateTimeFormatter format : OFFSET_FORMATS) {
            try {
                return Optional.of(OffsetDateTime.parse(value, format).toInstant());
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try a bare date
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }
}
