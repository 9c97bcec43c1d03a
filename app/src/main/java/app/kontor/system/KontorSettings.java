package app.kontor.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kontor's own settings ({@code kontor.*}); environment variables such as {@code KONTOR_MODE} bind to
 * them.
 *
 * @param mode {@code demo} or {@code production}
 */
@ConfigurationProperties("kontor")
public record KontorSettings(String mode) {

    public KontorSettings {
        if (mode == null || mode.isBlank()) {
            mode = "demo";
        }
    }

    public RunMode runMode() {
        return RunMode.parse(mode).orElseThrow(() -> new IllegalStateException("Unknown KONTOR_MODE: " + mode));
    }
}
