package app.kontor.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How Kontor runs: {@code demo} (the default: embedded database, Xero simulator, demo data) or
 * {@code production} (PostgreSQL and real Xero, every setting given).
 */
public enum RunMode {
    DEMO,
    PRODUCTION;

    /** What production mode cannot start without, in the order the README lists them. */
    static final List<String> PRODUCTION_SETTINGS = List.of(
            "KONTOR_DB_URL",
            "KONTOR_DB_USER",
            "KONTOR_DB_PASSWORD",
            "KONTOR_BASE_URL",
            "KONTOR_XERO_CLIENT_ID",
            "KONTOR_XERO_CLIENT_SECRET",
            "KONTOR_XERO_WEBHOOK_KEY",
            "KONTOR_ENCRYPTION_KEY");

    public static Optional<RunMode> parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "", "demo" -> Optional.of(DEMO);
            case "production" -> Optional.of(PRODUCTION);
            default -> Optional.empty();
        };
    }

    /**
     * Checks the process environment before anything starts.
     *
     * @return a message for the operator naming what is wrong, or empty when Kontor can start
     */
    public static Optional<String> checkEnvironment(Map<String, String> environment) {
        var modeText = environment.getOrDefault("KONTOR_MODE", "demo");
        var mode = parse(modeText);
        if (mode.isEmpty()) {
            return Optional.of("KONTOR_MODE is '" + modeText + "'; use demo or production.");
        }
        if (mode.get() == DEMO) {
            return Optional.empty();
        }
        var missing = PRODUCTION_SETTINGS.stream()
                .filter(name -> environment.getOrDefault(name, "").isBlank())
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Kontor cannot start in production mode: these settings are missing: "
                + String.join(", ", missing)
                + ". See the README section \"Production settings\".");
    }
}
