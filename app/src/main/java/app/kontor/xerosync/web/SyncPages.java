package app.kontor.xerosync.web;

import app.kontor.practice.SignedInUser;
import app.kontor.xerosync.XeroSyncs;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code Sync now} on the Xero settings page (admins; the security chain refuses members). */
@Controller
class SyncPages {

    static final String SETTINGS = "/settings/integrations/xero";

    private final XeroSyncs syncs;

    SyncPages(XeroSyncs syncs) {
        this.syncs = syncs;
    }

    @PostMapping(SETTINGS + "/sync")
    String syncNow(@AuthenticationPrincipal(expression = "user") SignedInUser admin, RedirectAttributes redirect) {
        var outcome = syncs.syncNow(admin.practiceId(), admin.displayName());
        redirect.addFlashAttribute(
                outcome == XeroSyncs.SyncNow.STARTED || outcome == XeroSyncs.SyncNow.ALREADY_RUNNING
                        ? "notice"
                        : "problem",
                outcome.message());
        return "redirect:" + SETTINGS;
    }
}
