package app.kontor.xero;

import app.kontor.shared.PracticeId;
import java.util.UUID;

/** A practice connected (or reconnected) to a Xero organisation. */
public record XeroConnected(PracticeId practiceId, UUID tenantId) {}
