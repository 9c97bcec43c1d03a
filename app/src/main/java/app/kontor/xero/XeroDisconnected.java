package app.kontor.xero;

import app.kontor.shared.PracticeId;
import java.util.UUID;

/** A practice disconnected from its Xero organisation; links to that organisation are kept. */
public record XeroDisconnected(PracticeId practiceId, UUID tenantId) {}
