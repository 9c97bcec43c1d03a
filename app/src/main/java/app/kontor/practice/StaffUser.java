package app.kontor.practice;

import app.kontor.shared.PracticeId;
import app.kontor.shared.UserId;
import java.time.Instant;

/**
 * A staff user as listed to admins; never carries the password hash.
 *
 * @param mustChangePassword signed in (or will sign in) with a one-time password not yet replaced
 */
public record StaffUser(
        UserId id,
        PracticeId practiceId,
        String email,
        String displayName,
        Role role,
        boolean active,
        Instant createdAt,
        boolean mustChangePassword) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
