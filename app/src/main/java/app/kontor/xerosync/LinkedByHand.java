package app.kontor.xerosync;

import app.kontor.xero.XeroContactReader;
import app.kontor.xerolink.XeroContactLinked;
import app.kontor.xerosync.internal.ReviewRows;
import app.kontor.xerosync.internal.XeroContactRows;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What a link made from the Xero Client section means for the sync (in the linking transaction). */
@Component
class LinkedByHand {

    private final ReviewRows reviews;
    private final XeroContactRows xeroContacts;
    private final Clock clock;

    LinkedByHand(ReviewRows reviews, XeroContactRows xeroContacts, Clock clock) {
        this.reviews = reviews;
        this.xeroContacts = xeroContacts;
        this.clock = clock;
    }

    /**
     * The Xero contact's match review has nothing left to decide. A contact Create Contact made is
     * remembered as sent, so Xero's later changes to it are told apart from Kontor's own edits field
     * by field (an edit in Kontor is not undone by an unrelated change in Xero).
     */
    @EventListener
    void onLinked(XeroContactLinked linked) {
        reviews.closeFor(linked.tenantId(), linked.xeroContactId());
        if (linked.created() != null) {
            xeroContacts.rememberApplied(
                    linked.practiceId(),
                    linked.tenantId(),
                    XeroContactReader.created(linked.xeroContactId(), linked.created()),
                    clock.instant());
        }
    }
}
