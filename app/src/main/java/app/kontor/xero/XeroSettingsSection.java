package app.kontor.xero;

import app.kontor.practice.SignedInUser;
import app.kontor.system.PageChrome;
import gg.jte.Content;
import org.jspecify.annotations.Nullable;

/**
 * A section another module adds to {@code /settings/integrations/xero}, below the connection (the
 * import's progress, match review, the sync log). The page renders the content as it is, so
 * implementations escape what they show.
 */
public interface XeroSettingsSection {

    /** Sections are shown in ascending order. */
    int order();

    /**
     * @param page the page's chrome, whose CSRF token a section's forms carry
     * @param baseUrl the address the viewer reached Kontor at, e.g. {@code http://localhost:8080}
     */
    Content render(@Nullable XeroConnection connection, SignedInUser viewer, PageChrome page, String baseUrl);
}
