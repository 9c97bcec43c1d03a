package app.kontor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunModeUnitTests {

    @Test
    void demoModeNeedsNoSettings() {
        assertThat(RunMode.checkEnvironment(Map.of())).isEmpty();
        assertThat(RunMode.checkEnvironment(Map.of("KONTOR_MODE", "demo"))).isEmpty();
    }

    @Test
    void productionModeNamesEveryMissingSetting() {
        var environment = new HashMap<String, String>();
        environment.put("KONTOR_MODE", "production");
        environment.put("KONTOR_DB_URL", "jdbc:postgresql://db/kontor");
        environment.put("KONTOR_DB_USER", "kontor");
        environment.put("KONTOR_BASE_URL", " ");

        var problem = RunMode.checkEnvironment(environment);

        assertThat(problem)
                .hasValueSatisfying(message -> assertThat(message)
                        .contains(
                                "KONTOR_DB_PASSWORD, KONTOR_BASE_URL, KONTOR_XERO_CLIENT_ID, KONTOR_XERO_CLIENT_SECRET, "
                                        + "KONTOR_XERO_WEBHOOK_KEY, KONTOR_ENCRYPTION_KEY")
                        .doesNotContain("KONTOR_DB_URL,")
                        .doesNotContain("KONTOR_DB_USER"));
    }

    @Test
    void productionModeStartsWhenEverySettingIsGiven() {
        var environment = new HashMap<String, String>();
        environment.put("KONTOR_MODE", "production");
        RunMode.PRODUCTION_SETTINGS.forEach(name -> environment.put(name, "set"));

        assertThat(RunMode.checkEnvironment(environment)).isEmpty();
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThat(RunMode.checkEnvironment(Map.of("KONTOR_MODE", "staging")))
                .hasValue("KONTOR_MODE is 'staging'; use demo or production.");
    }
}
