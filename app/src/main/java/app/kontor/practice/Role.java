package app.kontor.practice;

/** What a staff user may do: admins manage the practice and its Xero connection, members work with contacts. */
public enum Role {
    ADMIN,
    MEMBER;

    public String authority() {
        return "ROLE_" + name();
    }
}
