package app.kontor.xero;

import app.kontor.practice.SignedInUser;
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

    Content render(@Nullable XeroConnection connection, SignedInUser viewer);
}
