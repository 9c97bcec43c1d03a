package app.kontor.practice;

import app.kontor.shared.PracticeId;
import app.kontor.shared.UserId;
import java.io.Serializable;

/** The staff user behind a request: every query is scoped to their {@link #practiceId()}. */
public record SignedInUser(
        UserId userId, PracticeId practiceId, String practiceName, String email, String displayName, Role role)
        implements Serializable {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
