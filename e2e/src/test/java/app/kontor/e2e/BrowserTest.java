package app.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every browser test: a fresh {@link #page} per test on the packaged app in demo mode (see
 * {@link BrowserSession}). Find elements by role and exact accessible name, as DESIGN §1.1 names them.
 */
@ExtendWith(BrowserSession.class)
abstract class BrowserTest {

    /** This test's page; relative URLs resolve against the app, e.g. {@code page.navigate("/contacts")}. */
    protected Page page;

    /** axe-core impacts that fail a test; "moderate" and "minor" findings are not gated. */
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private KontorApp kontor;
    private E2eSettings settings;

    @BeforeEach
    final void attachBrowser(Page page, KontorApp kontor, E2eSettings settings) {
        this.page = page;
        this.kontor = kontor;
        this.settings = settings;
    }

    /** The app this test runs against (its base URL and printed credentials). */
    protected final KontorApp kontor() {
        return kontor;
    }

    /** {@link #assertAccessible(Page)} for this test's page. */
    protected final void assertAccessible() {
        assertAccessible(page);
    }

    /**
     * Runs axe-core on the page as it stands and fails on any serious or critical violation, listing
     * each rule, its help URL and the offending elements. Call it once the page has settled (after the
     * assertion that waits for what the test came to see).
     */
    protected static void assertAccessible(Page page) {
        var results = new AxeBuilder(page).analyze();
        var failing = results.getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
                .toList();
        // Not gated, but worth a look: listed in the test's output (target/surefire-reports/*-output.txt).
        results.getViolations().stream()
                .filter(rule -> !FAILING_IMPACTS.contains(rule.getImpact()))
                .forEach(rule -> System.out.println("axe-core on " + page.url() + ": " + describe(rule)));
        if (!failing.isEmpty()) {
            throw new AssertionError("axe-core found serious or critical problems on " + page.url() + ":\n"
                    + failing.stream().map(BrowserTest::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Rule rule) {
        return "- " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " (" + rule.getHelpUrl() + ")\n"
                + rule.getNodes().stream()
                        .limit(5)
                        .map(node -> "    " + node.getTarget() + " " + node.getHtml())
                        .collect(Collectors.joining("\n"));
    }

    /**
     * With {@code -Pdocs-screenshots}, saves what {@code page} shows (its 1280×800 viewport) as
     * {@code docs/screenshots/<name>.png} for the README; otherwise does nothing.
     */
    protected final void docsScreenshot(Page page, String name) {
        settings.docsScreenshots().ifPresent(directory -> {
            Path file = directory.resolve(name + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(file));
        });
    }

    /** {@link #docsScreenshot(Page, String)} for this test's page. */
    protected final void docsScreenshot(String name) {
        docsScreenshot(page, name);
    }

    /**
     * {@link #docsScreenshot(String)} with {@code subject} scrolled into view first. Only screenshots
     * need the scroll, so a test run without them does not touch the page. The scroll is done by script
     * because htmx may swap the subject for a fresh copy at any moment (a polling section), and
     * Playwright's own scroll fails when the element it waited on is detached.
     */
    protected final void docsScreenshot(Locator subject, String name) {
        if (settings.docsScreenshots().isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                subject.evaluate("element => element.scrollIntoView({block: 'nearest'})");
                break;
            } catch (PlaywrightException swappedMeanwhile) {
                if (attempt == 3) {
                    throw swappedMeanwhile;
                }
            }
        }
        docsScreenshot(name);
    }

    /** Signs in through the sign-in form with the credentials the app printed for that user. */
    protected final void signInAs(DemoUser user) {
        var credentials = kontor.credentials(user);
        page.navigate("/login");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(credentials.email());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(credentials.password());
        page.getByRole(AriaRole.BUTTON, named("Sign in")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Sign out"))).isVisible();
    }

    /** The form control whose label is exactly {@code label}. */
    protected final Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    protected static Page.GetByRoleOptions named(String accessibleName) {
        return new Page.GetByRoleOptions().setName(accessibleName).setExact(true);
    }

    /** {@link #named} for a search inside a locator, which Playwright types separately. */
    protected static Locator.GetByRoleOptions namedWithin(String accessibleName) {
        return new Locator.GetByRoleOptions().setName(accessibleName).setExact(true);
    }
}
