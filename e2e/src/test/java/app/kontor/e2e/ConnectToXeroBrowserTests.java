package app.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * Demo mode's in-process Xero simulator makes Connect to Xero work with no configuration. The test
 * leaves the practice disconnected again, as the other tests expect.
 */
class ConnectToXeroBrowserTests extends BrowserTest {

    private static final String DEMO_ORGANISATION = "Harbour & Finch Advisory";

    @Test
    void anAdminConnectsTheDemoOrganisationThroughXerosConsentPageAndDisconnectsAgain() {
        signInAs(DemoUser.ADMIN);
        page.getByRole(AriaRole.NAVIGATION, named("Main"))
                .getByRole(AriaRole.LINK, namedWithin("Xero"))
                .click();
        assertThat(page.getByText(
                        "Not connected to Xero", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)))
                .isVisible();

        page.getByRole(AriaRole.BUTTON, named("Connect to Xero")).click();

        // The simulator's consent page: one organisation, already ticked.
        assertThat(page.getByRole(AriaRole.HEADING, named("Kontor (demo) wants to access your Xero data")))
                .isVisible();
        assertThat(field(DEMO_ORGANISATION)).isChecked();
        page.getByRole(AriaRole.BUTTON, named("Allow access")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Connected to " + DEMO_ORGANISATION + ".");
        assertThat(page.locator("#connection-heading + .status-line")).hasText("Connected");

        page.getByRole(AriaRole.NAVIGATION, named("Main"))
                .getByRole(AriaRole.LINK, namedWithin("Contacts"))
                .click();
        page.getByRole(AriaRole.LINK, named("Harbourside Dental")).click();
        assertThat(page.locator("#xero-client .status-line")).hasText("Connected to " + DEMO_ORGANISATION);

        page.navigate("/settings/integrations/xero");
        page.getByText("Disconnect…").click();
        page.getByRole(AriaRole.BUTTON, named("Disconnect")).click();

        assertThat(page.locator("#connection-heading + .status-line")).hasText("Not connected to Xero");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Reconnect"))).isVisible();
    }

    @Test
    void aMemberSeesTheStatusButCannotConnect() {
        signInAs(DemoUser.MEMBER);
        page.navigate("/settings/integrations/xero");

        assertThat(page.locator("#connection-heading + .status-line")).hasText("Not connected to Xero");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Connect to Xero"))).hasCount(0);
        assertThat(page.getByText("An admin of your practice manages the connection."))
                .isVisible();
    }
}
