package app.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opentest4j.AssertionFailedError;

/**
 * The README's walkthrough (issue 8), step by step in a real browser against the packaged app in demo
 * mode: connect Xero and watch the import, Create Contact, the two directions of sync, Link to a
 * same-named contact, match review, roles and reconnecting, and a double click. The steps build on
 * each other as a user's would, so the class has a Kontor of its own ({@link FreshKontor}) and runs
 * them in order; a step that needs a connection makes one if an earlier step did not. Every page
 * visited, Kontor's and the simulator's, is checked with axe-core. With {@code -Pdocs-screenshots} the
 * key steps refresh {@code docs/screenshots/}.
 */
@FreshKontor
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class XeroWalkthroughBrowserTests extends BrowserTest {

    private static final String DEMO_ORGANISATION = "Harbour & Finch Advisory";
    private static final Duration XERO_ROUND_TRIP = Duration.ofSeconds(30);

    // Demo data (app.kontor.demo.DemoContacts and the simulator's demo organisation).
    private static final String ONLY_IN_XERO = "Amelia Hart";
    private static final String ONLY_IN_KONTOR = "Kauri Coast Joinery Ltd";
    private static final String MATCHED_ON_IMPORT = "Hiroshi Tanaka";
    private static final String SAME_NAME_IN_XERO = "Kea Digital Ltd";
    private static final String PARTIAL_MATCH = "Zoë Ångström";
    private static final String FOR_DOUBLE_CLICK = "Southern Alps Guiding Co";
    private static final String NEVER_CREATED = "Tui & Fern Florists";

    @Test
    @Order(1)
    void anAdminConnectsXeroWatchesTheImportRunToTheEndAndFindsXerosContactsInKontor() {
        page.navigate("/login");
        assertAccessible();
        docsScreenshot("01-sign-in");
        signInAs(DemoUser.ADMIN);
        assertAccessible();

        page.navigate("/settings/integrations/xero");
        assertThat(connectionStatus()).hasText("Not connected to Xero");
        assertAccessible();
        docsScreenshot("02-not-connected");
        page.getByRole(AriaRole.BUTTON, named("Connect to Xero")).click();

        // The simulator's consent page: the demo organisation is the one to pick.
        assertThat(page.getByRole(AriaRole.HEADING, named("Kontor (demo) wants to access your Xero data")))
                .isVisible();
        field(DEMO_ORGANISATION).check();
        assertAccessible();
        docsScreenshot("03-xero-consent");
        // Xero answers the import's first page of contacts slowly, so the running import is seen.
        XeroSimulatorAdmin.at(page.url()).delayNext("GET", "/api.xro/2.0/Contacts", 4_000);
        page.getByRole(AriaRole.BUTTON, named("Allow access")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Connected to " + DEMO_ORGANISATION + ".");
        assertThat(connectionStatus()).hasText("Connected");
        var importSection = page.getByRole(AriaRole.REGION, named("Contacts from Xero"));
        var progress = importSection.getByRole(AriaRole.PROGRESSBAR, namedWithin("Import progress"));
        assertThat(progress).isVisible();
        assertThat(importSection.locator(".status-line")).hasText(Pattern.compile("Import: (Reading|Matching).*"));
        assertAccessible();
        docsScreenshot(importSection, "04-import-running");

        // htmx polls the section every second until the import ends; then the summary has the counts.
        assertThat(importSection.locator(".status-line"))
                .hasText("Import: Finished", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(progress).hasCount(0);
        assertThat(summaryValue(importSection, "New in Kontor")).hasText(Pattern.compile("[1-9][0-9]*"));
        assertThat(summaryValue(importSection, "Linked")).hasText(Pattern.compile("[2-9]|[1-9][0-9]+"));
        assertThat(summaryValue(importSection, "Needs review")).hasText(Pattern.compile("[2-9]|[1-9][0-9]+"));
        assertThat(summaryValue(importSection, "Failed")).hasText("0");
        assertAccessible();
        docsScreenshot(importSection, "05-import-finished");

        page.getByRole(AriaRole.NAVIGATION, named("Main"))
                .getByRole(AriaRole.LINK, namedWithin("Contacts"))
                .click();
        assertThat(contactRows().first()).isVisible();
        assertAccessible();
        page.navigate("/contacts?q=" + URLEncoder.encode(ONLY_IN_XERO, StandardCharsets.UTF_8));
        assertThat(contactRows()).hasCount(1);
        assertThat(contactRows().getByRole(AriaRole.LINK, namedWithin(ONLY_IN_XERO)))
                .isVisible();
        assertAccessible();
    }

    @Test
    @Order(2)
    void createContactPutsAKontorContactIntoXeroAndTheSectionLinksToItInPlace() {
        signInAs(DemoUser.ADMIN);
        ensureConnected();
        openContact(ONLY_IN_KONTOR);
        var section = xeroClient();
        assertThat(section.getByRole(
                        AriaRole.HEADING, namedWithin("Xero Client").setLevel(2)))
                .isVisible();
        assertThat(statusLine(section)).hasText("Not in Xero yet");
        // The four values Create Contact will send.
        assertThat(previewValue(section, "Name")).hasText(ONLY_IN_KONTOR);
        assertThat(previewValue(section, "Billing email")).hasText("accounts@kauricoastjoinery.example");
        assertThat(previewValue(section, "Primary phone")).containsText("439 1200");
        assertThat(previewValue(section, "Billing address")).containsText("12 Hokianga Road");
        assertThat(previewValue(section, "Billing address")).containsText("Dargaville");
        assertAccessible();
        docsScreenshot(section, "06-create-contact");
        var contactUrl = page.url();

        section.getByRole(AriaRole.BUTTON, namedWithin("Create Contact")).click();

        // htmx swaps the section in place: a link into Xero, and no button any more.
        var viewInXero = section.getByRole(AriaRole.LINK, namedWithin("View in Xero"));
        assertThat(viewInXero).isVisible();
        assertThat(page).hasURL(contactUrl);
        assertThat(section.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertThat(statusLine(section)).hasText("Linked to " + ONLY_IN_KONTOR + " in Xero");
        assertThat(viewInXero).hasAttribute("target", "_blank");
        assertThat(viewInXero).hasAttribute("rel", "noopener");
        assertAccessible();
        docsScreenshot(section, "07-linked");

        var xeroPage = page.waitForPopup(viewInXero::click);
        assertThat(xeroPage.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions()
                                .setName(ONLY_IN_KONTOR)
                                .setExact(true)
                                .setLevel(1)))
                .isVisible();
        assertThat(xeroField(xeroPage, "Name")).hasValue(ONLY_IN_KONTOR);
        assertThat(xeroField(xeroPage, "Email")).hasValue("accounts@kauricoastjoinery.example");
        assertThat(xeroField(xeroPage, "Phone country code")).hasValue("64");
        assertThat(xeroField(xeroPage, "Phone area code")).hasValue("9");
        assertThat(xeroField(xeroPage, "Phone number")).hasValue("4391200");
        assertThat(xeroField(xeroPage, "Postal address line 1")).hasValue("12 Hokianga Road");
        assertThat(xeroField(xeroPage, "Postal address city")).hasValue("Dargaville");
        assertThat(xeroField(xeroPage, "Postal address region")).hasValue("Northland");
        assertThat(xeroField(xeroPage, "Postal address postal code")).hasValue("0310");
        assertThat(xeroField(xeroPage, "Postal address country")).hasValue("New Zealand");
        assertAccessible(xeroPage);
        docsScreenshot(xeroPage, "08-contact-in-xero");
    }

    @Test
    @Order(3)
    void aCreatedLinkSendsNoKontorEditToXeroButTakesXerosEditsFromTheWebhook() {
        signInAs(DemoUser.ADMIN);
        ensureConnected();
        openContact(ONLY_IN_KONTOR);
        var section = xeroClient();
        assertThat(section.getByText(
                        "Created in Xero from Kontor. Changes made in Xero flow into Kontor; edits in Kontor do not update Xero.",
                        new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        var xeroUrl =
                section.getByRole(AriaRole.LINK, namedWithin("View in Xero")).getAttribute("href");
        var xeroContactId = xeroContactId(xeroUrl);
        var simulator = XeroSimulatorAdmin.at(xeroUrl);

        editInKontor(ONLY_IN_KONTOR, "Billing email", "office@kauricoastjoinery.example");
        assertThat(page.getByRole(AriaRole.LINK, named("office@kauricoastjoinery.example")))
                .isVisible();

        var xeroPage = page.context().newPage();
        xeroPage.navigate(xeroUrl);
        assertThat(xeroField(xeroPage, "Email")).hasValue("accounts@kauricoastjoinery.example");
        assertAccessible(xeroPage);

        // An edit in Xero's web app: the simulator bumps UpdatedDateUTC and sends a webhook.
        xeroField(xeroPage, "Phone number").fill("4391299");
        xeroPage.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(xeroField(xeroPage, "Phone number")).hasValue("4391299");

        var phones = page.getByRole(AriaRole.REGION, named("Contact details"));
        eventually(page, () -> assertThat(phones).containsText("439 1299", shortly()));
        assertThat(xeroClient().locator(".history")).containsText("Updated from Xero");
        // Only the field Xero changed came in: Kontor's own edit of the email stays.
        assertThat(page.getByRole(AriaRole.LINK, named("office@kauricoastjoinery.example")))
                .isVisible();
        assertAccessible();
        docsScreenshot(xeroClient(), "09-updated-from-xero");

        // By now a push of the Kontor edit would have happened: there was none.
        xeroPage.reload();
        assertThat(xeroField(xeroPage, "Email")).hasValue("accounts@kauricoastjoinery.example");
        assertThat(simulator.requests())
                .filteredOn(request -> request.method().equals("POST")
                        && request.path().equalsIgnoreCase("/api.xro/2.0/Contacts/" + xeroContactId))
                .isEmpty();
    }

    @Test
    @Order(4)
    void aMatchedContactsKontorEditReachesXero() {
        signInAs(DemoUser.ADMIN);
        ensureConnected();
        openContact(MATCHED_ON_IMPORT);
        var section = xeroClient();
        assertThat(statusLine(section)).hasText("Linked to " + MATCHED_ON_IMPORT + " in Xero");
        var xeroUrl =
                section.getByRole(AriaRole.LINK, namedWithin("View in Xero")).getAttribute("href");

        editInKontor(MATCHED_ON_IMPORT, "Billing email", "accounts@tanaka.example.jp");
        assertThat(page.getByRole(AriaRole.LINK, named("accounts@tanaka.example.jp")))
                .isVisible();
        assertAccessible();

        var xeroPage = page.context().newPage();
        xeroPage.navigate(xeroUrl);
        eventually(
                xeroPage,
                () -> assertThat(xeroField(xeroPage, "Email"))
                        .hasValue(
                                "accounts@tanaka.example.jp", new LocatorAssertions.HasValueOptions().setTimeout(500)));
        assertAccessible(xeroPage);
    }

    @Test
    @Order(5)
    void createContactOffersToLinkTheContactXeroAlreadyHasByThatName() {
        signInAs(DemoUser.ADMIN);
        ensureConnected();
        openContact(SAME_NAME_IN_XERO);
        var section = xeroClient();
        assertThat(statusLine(section)).hasText("Not in Xero yet");

        section.getByRole(AriaRole.BUTTON, namedWithin("Create Contact")).click();

        var linkTo = section.getByRole(AriaRole.BUTTON, namedWithin("Link to " + SAME_NAME_IN_XERO));
        assertThat(linkTo).isVisible();
        assertThat(section.getByRole(AriaRole.BUTTON, namedWithin("Create with a different name")))
                .isVisible();
        assertThat(section.getByRole(AriaRole.BUTTON, namedWithin("Create Contact")))
                .hasCount(0);
        assertAccessible();
        docsScreenshot(section, "10-link-to-same-name");

        linkTo.click();

        assertThat(statusLine(section)).hasText("Linked to " + SAME_NAME_IN_XERO + " in Xero");
        assertThat(section.getByRole(AriaRole.LINK, namedWithin("View in Xero")))
                .isVisible();
        assertThat(section.getByText(
                        "Linked by hand. The four synced fields stay in step both ways; when both change, Xero wins.",
                        new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertAccessible();
    }

    @Test
    @Order(6)
    void confirmLinkInMatchReviewLinksAPartialMatch() {
        signInAs(DemoUser.ADMIN);
        ensureConnected();
        page.navigate("/settings/integrations/xero/matches");
        var review = page.getByRole(AriaRole.REGION, named(PARTIAL_MATCH));
        assertThat(review).isVisible();
        assertAccessible();
        docsScreenshot(review, "11-match-review");

        review.getByRole(AriaRole.BUTTON, namedWithin("Confirm link")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).isVisible();
        assertThat(page.getByRole(AriaRole.REGION, named(PARTIAL_MATCH))).hasCount(0);
        assertAccessible();
        openContact(PARTIAL_MATCH);
        var section = xeroClient();
        assertThat(statusLine(section)).hasText("Linked to " + PARTIAL_MATCH + " in Xero");
        assertThat(section.getByRole(AriaRole.LINK, namedWithin("View in Xero")))
                .isVisible();
        assertAccessible();
    }

    @Test
    @Order(7)
    void aMemberCannotUnlinkOrDisconnectAndAnAdminsReconnectRestoresTheLinks() {
        signInAs(DemoUser.MEMBER);
        ensureLinked(ONLY_IN_KONTOR);
        openContact(ONLY_IN_KONTOR);
        var section = xeroClient();
        assertThat(section.getByRole(AriaRole.LINK, namedWithin("View in Xero")))
                .isVisible();
        assertThat(section.getByRole(AriaRole.BUTTON, namedWithin("Unlink").setIncludeHidden(true)))
                .hasCount(0);
        assertThat(section.getByText("Unlink…")).hasCount(0);
        assertAccessible();
        page.navigate("/settings/integrations/xero");
        assertThat(connectionStatus()).hasText("Connected");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Disconnect").setIncludeHidden(true)))
                .hasCount(0);
        assertThat(page.getByText("Disconnect…")).hasCount(0);
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, named("Sign out")).click();

        signInAs(DemoUser.ADMIN);
        openContact(ONLY_IN_KONTOR);
        assertThat(xeroClient().getByRole(AriaRole.BUTTON, namedWithin("Unlink").setIncludeHidden(true)))
                .hasCount(1);
        page.navigate("/settings/integrations/xero");
        page.getByText("Disconnect…").click();
        page.getByRole(AriaRole.BUTTON, named("Disconnect")).click();
        assertThat(connectionStatus()).hasText("Not connected to Xero");
        assertAccessible();

        openContact(NEVER_CREATED);
        assertThat(statusLine(xeroClient())).hasText("Not connected to Xero");
        assertThat(xeroClient().getByRole(AriaRole.BUTTON, namedWithin("Create Contact")))
                .hasCount(0);
        assertAccessible();
        // The link is kept while disconnected, and the section says the practice is not connected.
        openContact(ONLY_IN_KONTOR);
        assertThat(statusLine(xeroClient())).hasText("Linked to " + ONLY_IN_KONTOR + " in Xero");
        assertThat(xeroClient().getByText("Not connected to Xero", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertAccessible();

        page.navigate("/settings/integrations/xero");
        page.getByRole(AriaRole.BUTTON, named("Reconnect")).click();
        assertThat(field(DEMO_ORGANISATION)).isChecked();
        page.getByRole(AriaRole.BUTTON, named("Allow access")).click();
        assertThat(connectionStatus()).hasText("Connected");

        for (var linked : new String[] {ONLY_IN_KONTOR, MATCHED_ON_IMPORT}) {
            openContact(linked);
            assertThat(statusLine(xeroClient())).hasText("Linked to " + linked + " in Xero");
            assertThat(xeroClient().getByRole(AriaRole.LINK, namedWithin("View in Xero")))
                    .isVisible();
            assertThat(xeroClient().getByText("Not connected to Xero")).hasCount(0);
        }
        openContact(NEVER_CREATED);
        assertThat(statusLine(xeroClient())).hasText("Not in Xero yet");
    }

    @Test
    @Order(8)
    void doubleClickingCreateContactMakesExactlyOneXeroContact() {
        signInAs(DemoUser.ADMIN);
        ensureConnected();
        openContact(FOR_DOUBLE_CLICK);
        var section = xeroClient();
        assertThat(statusLine(section)).hasText("Not in Xero yet");

        section.getByRole(AriaRole.BUTTON, namedWithin("Create Contact")).dblclick();

        var viewInXero = section.getByRole(AriaRole.LINK, namedWithin("View in Xero"));
        assertThat(viewInXero).isVisible();
        assertAccessible();
        var simulator = XeroSimulatorAdmin.at(viewInXero.getAttribute("href"));
        var creates = simulator.requests().stream()
                .filter(request -> request.method().equals("PUT")
                        && request.path().equalsIgnoreCase("/api.xro/2.0/Contacts")
                        && request.body().contains(FOR_DOUBLE_CLICK))
                .toList();
        assertThat(creates).hasSize(1);

        var xeroPage = page.waitForPopup(viewInXero::click);
        xeroPage.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("All contacts").setExact(true))
                .click();
        assertThat(xeroPage.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Contacts").setExact(true)))
                .isVisible();
        assertThat(xeroPage.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(FOR_DOUBLE_CLICK).setExact(true)))
                .hasCount(1);
        assertAccessible(xeroPage);
    }

    // ---- steps ----------------------------------------------------------------------------------------

    /** Connects the demo organisation unless an earlier step left the practice connected. */
    private void ensureConnected() {
        page.navigate("/settings/integrations/xero");
        assertThat(connectionStatus()).isVisible();
        if ("Connected".equals(connectionStatus().textContent().strip())) {
            return;
        }
        page.getByRole(AriaRole.BUTTON, named("Connect to Xero"))
                .or(page.getByRole(AriaRole.BUTTON, named("Reconnect")))
                .click();
        page.getByRole(AriaRole.BUTTON, named("Allow access")).click();
        assertThat(connectionStatus()).hasText("Connected");
        assertThat(page.getByRole(AriaRole.REGION, named("Contacts from Xero")).locator(".status-line"))
                .hasText("Import: Finished", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
    }

    /** Step 7 needs a linked contact; step 2 makes it, but run alone it is made here. */
    private void ensureLinked(String name) {
        openContact(name);
        if (xeroClient().getByRole(AriaRole.LINK, namedWithin("View in Xero")).count() > 0) {
            return;
        }
        page.getByRole(AriaRole.BUTTON, named("Sign out")).click();
        signInAs(DemoUser.ADMIN);
        ensureConnected();
        openContact(name);
        xeroClient().getByRole(AriaRole.BUTTON, namedWithin("Create Contact")).click();
        assertThat(xeroClient().getByRole(AriaRole.LINK, namedWithin("View in Xero")))
                .isVisible();
        page.getByRole(AriaRole.BUTTON, named("Sign out")).click();
        signInAs(DemoUser.MEMBER);
    }

    private void openContact(String name) {
        page.navigate("/contacts?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        contactRows().getByRole(AriaRole.LINK, namedWithin(name)).click();
        assertThat(page.getByRole(AriaRole.HEADING, named(name).setLevel(1))).isVisible();
    }

    private void editInKontor(String name, String label, String value) {
        page.getByRole(AriaRole.LINK, named("Edit")).click();
        field(label).fill(value);
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.getByRole(AriaRole.HEADING, named(name).setLevel(1))).isVisible();
    }

    // ---- where things are -----------------------------------------------------------------------------

    private Locator connectionStatus() {
        return page.getByRole(AriaRole.REGION, named("Connection")).locator(".status-line");
    }

    private Locator xeroClient() {
        return page.getByRole(AriaRole.REGION, named("Xero Client"));
    }

    private static Locator statusLine(Locator section) {
        return section.locator(".status-line");
    }

    /** The import summary's value for {@code term} (a {@code <dt>}/{@code <dd>} pair). */
    private static Locator summaryValue(Locator section, String term) {
        return section.locator(".import-summary dt")
                .getByText(term, new Locator.GetByTextOptions().setExact(true))
                .locator("xpath=following-sibling::dd[1]");
    }

    /** The Create Contact preview's value for {@code term}. */
    private static Locator previewValue(Locator section, String term) {
        return section.locator("dl.preview dt")
                .getByText(term, new Locator.GetByTextOptions().setExact(true))
                .locator("xpath=following-sibling::dd[1]");
    }

    private Locator contactRows() {
        return page.getByRole(AriaRole.TABLE).locator("tbody").getByRole(AriaRole.ROW);
    }

    /** A field of the simulator's contact page ("Edit contact"). */
    private static Locator xeroField(Page xeroPage, String label) {
        return xeroPage.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static String xeroContactId(String viewInXeroUrl) {
        var decoded = java.net.URLDecoder.decode(URI.create(viewInXeroUrl).getRawQuery(), StandardCharsets.UTF_8);
        var matcher = Pattern.compile("/Contacts/View/([0-9a-fA-F-]{36})").matcher(decoded);
        if (!matcher.find()) {
            throw new IllegalStateException("No ContactID in " + viewInXeroUrl);
        }
        return matcher.group(1);
    }

    private static LocatorAssertions.ContainsTextOptions shortly() {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(500);
    }

    /**
     * Reloads {@code target} until {@code assertion} holds, for changes that arrive in the background
     * (a webhook, a push job) on a page that does not refresh itself.
     */
    private static void eventually(Page target, Runnable assertion) {
        var deadline = Instant.now().plus(XERO_ROUND_TRIP);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionFailedError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                target.waitForTimeout(500);
                target.reload();
            }
        }
    }
}
