package app.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The foundation's smoke scenario: sign in, add a contact, find it, open it. */
final class SignInAndAddContactBrowserTests extends BrowserTest {

    @Test
    void adminAddsAnOrganisationFindsItBySearchAndSeesItIsNotConnectedToXero() {
        var name = unique("Kauri Ridge Bakery");
        var email = "accounts@kauri-ridge.example";
        signInAs(DemoUser.ADMIN);

        page.getByRole(AriaRole.LINK, named("New contact")).click();
        field("Organisation").check();
        field("Name").fill(name);
        field("Billing email").fill(email);
        field("Primary phone").fill("+64 9 555 0199");
        field("Address line 1").fill("12 Kauri Ridge Road");
        field("City").fill("Auckland");
        field("Country").fill("New Zealand");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();

        assertThat(page.getByRole(AriaRole.HEADING, named(name).setLevel(1))).isVisible();
        showContactList();
        // Typing is enough: htmx swaps the results in; the table's 20-odd demo rows shrink to one.
        page.getByRole(AriaRole.SEARCHBOX, named("Search")).fill(name);
        var rows = contactRows();
        assertThat(rows).hasCount(1);
        rows.getByRole(AriaRole.LINK, namedWithin(name)).click();

        assertThat(page).hasURL(Pattern.compile(".*/contacts/[^/]+$"));
        assertThat(page.getByRole(AriaRole.HEADING, named(name).setLevel(1))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, named(email))).isVisible();
        var xeroClient = page.getByRole(AriaRole.REGION, named("Xero Client"));
        assertThat(xeroClient.getByRole(
                        AriaRole.HEADING, namedWithin("Xero Client").setLevel(2)))
                .isVisible();
        var status = xeroClient.getByText("Not connected to Xero", new Locator.GetByTextOptions().setExact(true));
        assertThat(status).isVisible();
        // DESIGN §1.1: the section announces its status changes to screen readers.
        assertThat(status).hasAttribute("aria-live", "polite");
    }

    @Test
    void invalidBillingEmailIsShownNextToTheFieldAndNothingIsSaved() {
        var name = unique("Tui Street Florist");
        signInAs(DemoUser.ADMIN);

        page.getByRole(AriaRole.LINK, named("New contact")).click();
        field("Organisation").check();
        field("Name").fill(name);
        field("Billing email").fill("accounts at tui-street");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();

        var summary = page.getByRole(AriaRole.ALERT);
        assertThat(summary).containsText("Please fix this problem; nothing has been saved yet.");
        assertThat(summary).isFocused();
        var billingEmail = field("Billing email");
        summary.getByRole(AriaRole.LINK, namedWithin("Enter an email address like name@example.com."))
                .click();
        assertThat(billingEmail).isFocused();
        assertThat(billingEmail).hasAttribute("aria-invalid", "true");
        assertThat(billingEmail).hasAccessibleDescription("Enter an email address like name@example.com.");
        assertThat(billingEmail).hasValue("accounts at tui-street");
        assertThat(field("Name")).hasValue(name);

        showContactList();
        page.getByRole(AriaRole.SEARCHBOX, named("Search")).fill(name);
        assertThat(page.getByText("No contacts found.")).isVisible();
        assertThat(contactRows()).hasCount(0);
    }

    private void showContactList() {
        page.getByRole(AriaRole.NAVIGATION, named("Main"))
                .getByRole(AriaRole.LINK, namedWithin("Contacts"))
                .click();
        // Waits for the load event too: htmx binds the live search on DOMContentLoaded, and typing
        // before that would only be picked up by a submit.
        page.waitForURL(Pattern.compile(".*/contacts$"));
        // The demo contacts are listed, so a search that empties the table proves something.
        assertThat(contactRows().first()).isVisible();
    }

    /** DESIGN §1.1: the list is a table with one body row per contact. */
    private Locator contactRows() {
        return page.getByRole(AriaRole.TABLE).locator("tbody").getByRole(AriaRole.ROW);
    }

    /** Other tests, and earlier runs against a kept database, must not match the search. */
    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
