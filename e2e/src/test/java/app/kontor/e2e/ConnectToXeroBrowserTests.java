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
        var section = page.locator("#xero-client");
        assertThat(section.locator(".status-line")).hasText("Not in Xero yet");
        assertThat(section.getByRole(AriaRole.BUTTON, namedWithin("Create Contact")))
                .isVisible();

        disconnect();
        assertThat(page.locator("#connection-heading + .status-line")).hasText("Not connected to Xero");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Reconnect"))).isVisible();
    }

    @Test
    void createContactPutsTheContactIntoXeroAndTheSectionLinksToIt() {
        var name = "Kowhai Bakery " + java.util.UUID.randomUUID().toString().substring(0, 6);
        signInAs(DemoUser.ADMIN);
        connect();
        page.navigate("/contacts/new");
        field("Organisation").check();
        field("Name").fill(name);
        field("Billing email").fill("accounts@kowhai.example");
        field("Primary phone").fill("09 555 0123");
        field("Address line 1").fill("3 Ponsonby Road");
        field("City").fill("Auckland");
        field("Country").fill("New Zealand");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();

        var section = page.locator("#xero-client");
        section.getByRole(AriaRole.BUTTON, namedWithin("Create Contact")).click();

        // htmx swaps the section in place: a link into Xero, and no Create Contact any more.
        var viewInXero = section.getByRole(AriaRole.LINK, namedWithin("View in Xero"));
        assertThat(viewInXero).isVisible();
        assertThat(section.getByRole(AriaRole.BUTTON, namedWithin("Create Contact")))
                .hasCount(0);
        assertThat(viewInXero).hasAttribute("target", "_blank");
        var xeroPage = page.waitForPopup(viewInXero::click);
        assertThat(xeroPage.getByText(name).first()).isVisible();
        assertThat(xeroPage.getByText("accounts@kowhai.example").first()).isVisible();
        xeroPage.close();

        disconnect();
    }

    private void connect() {
        page.navigate("/settings/integrations/xero");
        var connect = page.getByRole(AriaRole.BUTTON, named("Connect to Xero"))
                .or(page.getByRole(AriaRole.BUTTON, named("Reconnect")));
        connect.click();
        page.getByRole(AriaRole.BUTTON, named("Allow access")).click();
        assertThat(page.locator("#connection-heading + .status-line")).hasText("Connected");
    }

    private void disconnect() {
        page.navigate("/settings/integrations/xero");
        page.getByText("Disconnect…").click();
        page.getByRole(AriaRole.BUTTON, named("Disconnect")).click();
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
