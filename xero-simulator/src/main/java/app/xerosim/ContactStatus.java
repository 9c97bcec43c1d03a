package app.xerosim;

/** Xero's {@code ContactStatus} values (Spec schema {@code Contact}). */
public enum ContactStatus {
    ACTIVE,
    ARCHIVED,
    GDPRREQUEST
}
