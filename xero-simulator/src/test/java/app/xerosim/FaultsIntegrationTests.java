package app.xerosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsIntegrationTests {

    private XeroClient client;
    private TenantSession xero;

    @BeforeAll
    void start() {
        client = XeroClient.startWithApp();
        xero = TenantSession.connect(client, "Faulty Org");
    }

    @AfterAll
    void stop() {
        client.xero.close();
    }

    @Test
    void statusFaultsApplyToTheNextMatchingCallsOnly() {
        client.xero.faults().next(2, "GET", "/api.xro/2.0/Contacts", Fault.serviceUnavailable());

        assertThat(xero.get("/Organisation").statusCode()).isEqualTo(200);
        assertThat(xero.get("/Contacts").statusCode()).isEqualTo(503);
        assertThat(xero.get("/contacts").statusCode()).isEqualTo(503);
        assertThat(xero.get("/Contacts").statusCode()).isEqualTo(200);
        assertThat(client.xero.faults().pending()).isEmpty();
    }

    @Test
    void serverErrorHasNoStackTrace() {
        client.xero.faults().next(1, null, "/api.xro/2.0/*", Fault.serverError());

        HttpResponse<String> response = xero.get("/Contacts");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("at app.");
    }

    @Test
    void rateLimitFaultCarriesTheProblemAndRetryAfter() {
        client.xero.faults().next(1, "GET", "/api.xro/2.0/Contacts", Fault.rateLimited("minute", 42));

        HttpResponse<String> response = xero.get("/Contacts");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("X-Rate-Limit-Problem")).hasValue("minute");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("42");
    }

    @Test
    void latencyDelaysThenAnswersNormally() {
        client.xero.faults().next(1, "GET", "/api.xro/2.0/Contacts", Fault.latency(Duration.ofMillis(300)));

        long start = System.nanoTime();
        HttpResponse<String> response = xero.get("/Contacts");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void cutResponseKeepsTheEffectButTheClientGetsOnlyPartOfTheBody() {
        String name = "Cut Short " + UUID.randomUUID();
        client.xero.faults().next(1, "PUT", "/api.xro/2.0/Contacts", Fault.commitThenCutResponse());

        assertThatThrownBy(() -> xero.send("PUT", "/Contacts", "{\"Contacts\":[" + TenantSession.named(name) + "]}"))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(xero.org().contacts().findActiveByName(name)).isPresent();
    }

    @Test
    void droppedConnectionDoesNotProcessTheRequest() {
        String name = "Never Created " + UUID.randomUUID();
        client.xero.faults().next(1, "PUT", "/api.xro/2.0/Contacts", Fault.dropConnection());

        assertThatThrownBy(() -> xero.send("PUT", "/Contacts", "{\"Contacts\":[" + TenantSession.named(name) + "]}"))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(xero.org().contacts().findActiveByName(name)).isEmpty();
        assertThat(client.xero
                        .requestLog()
                        .entries("PUT", "/api.xro/2.0/Contacts")
                        .getLast()
                        .status())
                .isZero();
    }
}
