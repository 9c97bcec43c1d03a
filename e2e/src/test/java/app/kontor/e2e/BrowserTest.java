package app.kontor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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

    private KontorApp kontor;

    @BeforeEach
    final void attachBrowser(Page page, KontorApp kontor) {
        this.page = page;
        this.kontor = kontor;
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
