package app.kontor.xero;

import app.kontor.shared.PracticeId;
import java.util.UUID;

/** An admin resumed automatic sync, so what changed while it was paused should be read soon. */
public record XeroSyncResumed(PracticeId practiceId, UUID tenantId) {}
