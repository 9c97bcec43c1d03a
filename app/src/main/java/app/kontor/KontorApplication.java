package app.kontor;

import app.kontor.system.RunMode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Kontor: practice management for accounting firms, with a first-class Xero contact integration. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KontorApplication {

    public static void main(String[] args) {
        // Fail before Spring starts so the message names every missing setting and nothing else.
        var problem = RunMode.checkEnvironment(System.getenv());
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.exit(2);
        }
        SpringApplication.run(KontorApplication.class, args);
    }
}
