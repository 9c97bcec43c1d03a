package app.kontor.e2e;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The axe-core gate the walkthrough relies on really fails a page, and lets a clean one pass. */
final class AccessibilityGateBrowserTests extends BrowserTest {

    @Test
    void assertAccessibleFailsOnSeriousOrCriticalProblemsAndNamesThem() {
        page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>Bad</title></head><body><main>"
                + "<h1>Bad</h1><img src=\"data:,\"><button></button></main></body></html>");

        assertThatThrownBy(() -> assertAccessible())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("critical image-alt")
                .hasMessageContaining("critical button-name");
    }

    @Test
    void assertAccessiblePassesAPlainWellFormedPage() {
        page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>Good</title></head><body><main>"
                + "<h1>Good</h1><p>Fine.</p><button type=\"button\">Save</button></main></body></html>");

        assertThatCode(() -> assertAccessible()).doesNotThrowAnyException();
    }
}
