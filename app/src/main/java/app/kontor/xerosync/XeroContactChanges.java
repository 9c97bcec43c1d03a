package app.kontor.xerosync;

import app.kontor.shared.PracticeId;
import java.util.Set;
import java.util.UUID;

/**
 * Applies Xero's current state of the given contacts to Kontor; implemented by the sync.
 *
 * <p>Called from a background job, never on a web request, with the distinct contact ids that
 * Xero's webhooks named for one organisation (a burst of webhooks is coalesced into one call). The
 * ids say only that something changed: the implementation fetches the contacts from Xero. Delivery
 * is at least once: the same ids may come again, so applying them must be idempotent. A contact may
 * since have been archived or merged. When the method throws, the events stay pending and the call
 * is retried later with the same ids (and possibly more).
 */
public interface XeroContactChanges {

    /**
     * @param practice the practice connected to the organisation
     * @param tenantId the Xero organisation
     * @param xeroContactIds the Xero ContactIDs that changed (never empty)
     * @param trigger what noticed the change, {@code "webhook"} for webhooks
     */
    void contactsChanged(PracticeId practice, UUID tenantId, Set<UUID> xeroContactIds, String trigger);
}
