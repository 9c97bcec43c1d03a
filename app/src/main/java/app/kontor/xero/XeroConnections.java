package app.kontor.xero;

import app.kontor.practice.SignedInUser;
import app.kontor.shared.PracticeId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A practice's Xero connection: finding it, finishing a consent, choosing the organisation,
 * disconnecting. Methods taking a {@link SignedInUser} act for that admin's practice.
 */
public interface XeroConnections {

    /** Empty when the practice never connected; a disconnected connection is kept so links survive. */
    Optional<XeroConnection> find(PracticeId practice);

    /**
     * Finishes the admin's newest consent: finds the organisations it authorised and connects the
     * only one, or asks for a choice.
     *
     * @throws XeroConnectionException with a message for the admin; nothing is half-saved
     */
    ConsentOutcome finishConsent(SignedInUser admin);

    ConsentOutcome.ChooseOrganisation pendingChoices(SignedInUser admin);

    /**
     * @param replacePrevious the admin confirmed connecting an organisation other than the previous one
     * @throws XeroConnectionException when the organisation was not part of the consent, is taken, or
     *     replaces the previous organisation without confirmation
     */
    XeroConnection choose(SignedInUser admin, UUID tenantId, boolean replacePrevious);

    /**
     * Removes the connection in Xero, revokes Kontor's access, and forgets the tokens. Always
     * disconnects on Kontor's side.
     *
     * @return a warning for the admin when Xero could not be told
     */
    Optional<String> disconnect(SignedInUser admin);

    void setImportFilter(SignedInUser admin, ImportFilter filter);

    /** Pauses or resumes automatic sync; Create Contact keeps working while paused. */
    void setPaused(SignedInUser admin, boolean paused);

    /** The practices whose connection is working (status {@code Connected}, paused or not). */
    List<PracticeId> connectedPractices();

    /** Keeps when automatic sync last finished and when it runs next, for the status line. */
    void recordSyncTimes(PracticeId practice, @Nullable Instant lastSyncAt, @Nullable Instant nextSyncAt);
}
