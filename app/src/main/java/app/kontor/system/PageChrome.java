package app.kontor.system;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every page's layout needs: who is signed in, to which practice, and the CSRF token that forms
 * and htmx requests send back.
 */
public record PageChrome(
        @Nullable String practiceName,
        @Nullable String userName,
        @Nullable String userEmail,
        boolean admin,
        String csrfParameter,
        String csrfHeader,
        String csrfToken,
        String path,
        List<PageBanner.Banner> banners) {

    public boolean signedIn() {
        return userName != null;
    }

    public boolean isActive(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
