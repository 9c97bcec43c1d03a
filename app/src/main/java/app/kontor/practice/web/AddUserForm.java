package app.kontor.practice.web;

import app.kontor.practice.Role;

/** The add-user form of {@code /settings/users}, as typed. */
public record AddUserForm(String displayName, String email, String role) {

    static AddUserForm blank() {
        return new AddUserForm("", "", Role.MEMBER.name());
    }

    public boolean isAdmin() {
        return Role.ADMIN.name().equals(role);
    }
}
