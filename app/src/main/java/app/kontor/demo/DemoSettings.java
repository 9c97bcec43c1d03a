package app.kontor.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param seed whether demo mode creates the demo practice and prints its sign-ins (tests turn it off) */
@ConfigurationProperties("kontor.demo")
record DemoSettings(Boolean seed) {

    DemoSettings {
        if (seed == null) {
            seed = true;
        }
    }
}
