package app.kontor.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Playwright driving Debian's Chromium; Playwright's own browser downloads are never used. */
final class Chromium implements AutoCloseable {

    private static final Map<String, String> DRIVER_ENVIRONMENT = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    // Quiet in containers and on CI: no sandbox (we often run as root), no GPU, no calls home.
    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch(E2eSettings settings) {
        var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(DRIVER_ENVIRONMENT));
        try {
            var browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(settings.chromium())
                            .setHeadless(true)
                            .setArgs(ARGS));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * A fresh profile: no cookies, so no session, shared with any other test. 1280×800, the size of the
     * README's screenshots.
     */
    BrowserContext newContext(URI baseUrl) {
        return browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl.toString())
                .setLocale("en-NZ")
                .setViewportSize(1280, 800));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
