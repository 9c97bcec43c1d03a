package app.kontor.xero;

import app.kontor.shared.PracticeId;
import java.util.UUID;

/** An admin changed which Xero contacts become new Kontor contacts. */
public record ImportFilterChanged(PracticeId practiceId, UUID tenantId, ImportFilter filter) {}
