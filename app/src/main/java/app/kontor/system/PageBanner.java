package app.kontor.system;

import app.kontor.practice.SignedInUser;
import java.util.Optional;

/**
 * A module's way to put a banner on top of every page, e.g. the Xero connection needing an admin.
 * The action is a form post (with CSRF) to {@code actionPath}.
 */
public interface PageBanner {

    Optional<Banner> banner(SignedInUser viewer, String path);

    record Banner(String message, String actionLabel, String actionPath) {}
}
