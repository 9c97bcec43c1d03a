package app.kontor;

import app.kontor.xero.XeroFixtures;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one way to start Kontor in a test: the whole application on the run's database (H2 or
 * PostgreSQL, see {@link TestDatabase}), with MockMvc. Every test class uses the same configuration,
 * so Spring caches one context; each test makes its own practice through {@link Fixtures}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({Fixtures.class, XeroFixtures.class})
@ExtendWith(SimulatorClockReset.class)
public @interface KontorIntegrationTest {}
