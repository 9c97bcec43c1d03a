package app.xerosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitsIntegrationTests {

    private XeroClient client;

    private TenantSession start(RateLimits limits) {
        XeroSimulator xero =
                XeroSimulator.start(XeroSimulatorSettings.defaults().withRateLimits(limits));
        xero.registerApp(XeroClient.CLIENT_ID, XeroClient.CLIENT_SECRET, java.util.List.of(XeroClient.REDIRECT_URI));
        client = new XeroClient(xero);
        return TenantSession.connect(client, "Limited Ltd");
    }

    @AfterEach
    void stop() {
        client.xero.close();
    }

    @Test
    void sixtyFirstCallInAMinuteIsRefusedUntilTheWindowResets() {
        TenantSession xero = start(RateLimits.xero());
        client.xero.clock().freeze();
        for (int i = 0; i < 60; i++) {
            assertThat(xero.get("/Organisation").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = xero.get("/Contacts");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("X-Rate-Limit-Problem")).hasValue("minute");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 61L);
        assertThat(refused.headers().firstValue("X-MinLimit-Remaining")).hasValue("0");
        client.xero.clock().advance(Duration.ofSeconds(60));
        assertThat(xero.get("/Contacts").statusCode()).isEqualTo(200);
    }

    @Test
    void dayLimitNamesTheDayAndWaitsForTheWindow() {
        TenantSession xero = start(RateLimits.xero().withDayPerOrganisation(3));
        for (int i = 0; i < 3; i++) {
            xero.get("/Contacts");
        }

        HttpResponse<String> refused = xero.get("/Contacts");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("X-Rate-Limit-Problem")).hasValue("day");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isGreaterThan(3600);
        assertThat(refused.headers().firstValue("X-DayLimit-Remaining")).hasValue("0");
    }

    @Test
    void callsBeyondTheConcurrentLimitAreRefused() throws Exception {
        TenantSession xero = start(RateLimits.xero().withConcurrentPerOrganisation(1));
        client.xero.faults().next(1, "GET", "/api.xro/2.0/Organisation", Fault.latency(Duration.ofMillis(700)));

        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> xero.get("/Organisation"));
        Thread.sleep(250);
        HttpResponse<String> second = xero.get("/Contacts");

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("X-Rate-Limit-Problem")).hasValue("concurrent");
        assertThat(slow.get().statusCode()).isEqualTo(200);
        assertThat(xero.get("/Contacts").statusCode()).isEqualTo(200);
    }

    @Test
    void appMinuteLimitSpansOrganisations() {
        TenantSession first = start(RateLimits.xero().withMinutePerApp(4));
        TenantSession second = TenantSession.connect(client, "Second Ltd");
        client.xero.clock().freeze();
        first.get("/Contacts");
        first.get("/Contacts");
        second.get("/Contacts");
        second.get("/Contacts");

        HttpResponse<String> refused = first.get("/Contacts");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("X-Rate-Limit-Problem")).hasValue("appminute");
    }

    @Test
    void limitsCanBeLiftedAtRunTime() {
        TenantSession xero = start(RateLimits.xero().withDayPerOrganisation(1));
        xero.get("/Contacts");
        assertThat(xero.get("/Contacts").statusCode()).isEqualTo(429);

        client.xero.rateLimits(RateLimits.off());

        assertThat(xero.get("/Contacts").statusCode()).isEqualTo(200);
        assertThat(client.xero.rateLimits()).isEqualTo(RateLimits.off());
    }

    @Test
    void limitsOffRefuseNothingAndReportTheFullAllowance() {
        TenantSession xero = start(RateLimits.off());
        HttpResponse<String> last = null;
        for (int i = 0; i < 70; i++) {
            last = xero.get("/Contacts");
            assertThat(last.statusCode()).isEqualTo(200);
        }

        // A limit that is off never runs out, so clients that budget from the headers are not held back.
        assertThat(last.headers().firstValue("X-MinLimit-Remaining")).hasValue("60");
        assertThat(last.headers().firstValue("X-DayLimit-Remaining")).hasValue("5000");
        assertThat(last.headers().firstValue("X-AppMinLimit-Remaining")).hasValue("10000");
    }
}
