package app.kontor.practice;

import app.kontor.shared.PracticeId;
import app.kontor.shared.UserId;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do with the staff of their practice (add with a one-time password, change role,
 * deactivate, activate, reset password) and what every user does with their own password. Every
 * change is scoped to the acting user's practice; a user of another practice is not found. A practice
 * always keeps at least one active admin.
 */
@Service
public class StaffAccounts {

    /** Letters and digits that cannot be mistaken for each other when read aloud or copied by hand. */
    private static final String ONE_TIME_ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static final int ONE_TIME_PASSWORD_LENGTH = 16;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_EMAIL_LENGTH = 255;
    private static final int MAX_NAME_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Practices practices;
    private final PasswordEncoder passwords;
    private final SecureRandom random = new SecureRandom();

    StaffAccounts(JdbcClient jdbc, Practices practices, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.practices = practices;
        this.passwords = passwords;
    }

    /** A user just added, with the one-time password to hand over; it is not stored in plain text. */
    public record AddedUser(StaffUser user, String oneTimePassword) {}

    /**
     * Adds a user who signs in with a one-time password and must then choose their own.
     *
     * @throws InvalidAccountException for an empty or malformed name or email, or an email in use
     */
    @Transactional
    public AddedUser add(SignedInUser admin, String email, String displayName, Role role) {
        requireAdmin(admin);
        var errors = new LinkedHashMap<String, String>();
        var name = displayName.strip();
        var canonical = Practices.canonicalEmail(email);
        if (name.isEmpty()) {
            errors.put("displayName", "Enter the person's name.");
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.put("displayName", "Use at most " + MAX_NAME_LENGTH + " characters for the name.");
        }
        if (canonical.isEmpty()) {
            errors.put("email", "Enter the email address they sign in with.");
        } else if (canonical.length() > MAX_EMAIL_LENGTH
                || !EMAIL.matcher(canonical).matches()) {
            errors.put("email", "Enter an email address like name@example.com.");
        } else if (practices.findUserByEmail(canonical).isPresent()) {
            errors.put("email", "Someone already signs in with this email.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidAccountException(errors);
        }
        var oneTimePassword = oneTimePassword();
        StaffUser user;
        try {
            user = practices.addUser(admin.practiceId(), new NewUser(canonical, name, oneTimePassword, role));
        } catch (DuplicateKeyException raced) {
            throw InvalidAccountException.of("email", "Someone already signs in with this email.");
        }
        jdbc.sql("update users set must_change_password = true where id = ?")
                .param(user.id().value())
                .update();
        return new AddedUser(practices.findUser(admin.practiceId(), user.id()).orElseThrow(), oneTimePassword);
    }

    /** @throws LastAdminException when this would leave no active admin */
    @Transactional
    public StaffUser changeRole(SignedInUser admin, UserId userId, Role role) {
        requireAdmin(admin);
        var user = lockedUser(admin.practiceId(), userId);
        if (user.role() == role) {
            return user;
        }
        if (user.isAdmin() && user.active() && activeAdmins(admin.practiceId()) <= 1) {
            throw new LastAdminException();
        }
        jdbc.sql("update users set role = ? where id = ?")
                .params(role.name(), userId.value())
                .update();
        return reread(admin.practiceId(), userId);
    }

    /**
     * Deactivates a user: they cannot sign in, their sessions end on their next request and their API
     * tokens stop working (until activated again; sessions do not come back).
     *
     * @throws LastAdminException when this would leave no active admin
     */
    @Transactional
    public StaffUser deactivate(SignedInUser admin, UserId userId) {
        requireAdmin(admin);
        var user = lockedUser(admin.practiceId(), userId);
        if (!user.active()) {
            return user;
        }
        if (user.isAdmin() && activeAdmins(admin.practiceId()) <= 1) {
            throw new LastAdminException();
        }
        jdbc.sql("update users set active = false, credentials_version = credentials_version + 1 where id = ?")
                .param(userId.value())
                .update();
        return reread(admin.practiceId(), userId);
    }

    @Transactional
    public StaffUser activate(SignedInUser admin, UserId userId) {
        requireAdmin(admin);
        lockedUser(admin.practiceId(), userId);
        jdbc.sql("update users set active = true where id = ?")
                .param(userId.value())
                .update();
        return reread(admin.practiceId(), userId);
    }

    /**
     * Gives the user a new one-time password (shown once to the admin); their sessions end and they
     * choose their own password at the next sign-in. Their API tokens keep working.
     *
     * @return the one-time password
     */
    @Transactional
    public String resetPassword(SignedInUser admin, UserId userId) {
        requireAdmin(admin);
        lockedUser(admin.practiceId(), userId);
        var oneTimePassword = oneTimePassword();
        jdbc.sql("""
                        update users set password_hash = ?, must_change_password = true,
                        credentials_version = credentials_version + 1 where id = ?""").params(passwords.encode(oneTimePassword), userId.value()).update();
        return oneTimePassword;
    }

    /**
     * Changes the signed-in user's own password. Their other sessions end; the caller keeps the current
     * one by storing the returned identity in it.
     *
     * @throws InvalidAccountException when the current password is wrong ({@code currentPassword}) or
     *     the new one breaks {@link PasswordPolicy} ({@code newPassword}); nothing is changed
     * @return the user's identity with the new {@link KontorUserDetails#credentialsVersion()}
     */
    @Transactional
    public KontorUserDetails changeOwnPassword(SignedInUser me, String currentPassword, String newPassword) {
        var hash = jdbc.sql("select password_hash from users where id = ? and active = true for update")
                .param(me.userId().value())
                .query(String.class)
                .optional()
                .orElseThrow(UserNotFoundException::new);
        var errors = new LinkedHashMap<String, String>();
        if (!passwords.matches(currentPassword, hash)) {
            errors.put("currentPassword", "That is not your current password.");
        }
        PasswordPolicy.problem(newPassword).ifPresent(problem -> errors.put("newPassword", problem));
        if (errors.isEmpty() && newPassword.equals(currentPassword)) {
            errors.put("newPassword", "Choose a password different from the current one.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidAccountException(errors);
        }
        jdbc.sql("""
                        update users set password_hash = ?, must_change_password = false,
                        credentials_version = credentials_version + 1 where id = ?""").params(passwords.encode(newPassword), me.userId().value()).update();
        return practices.current(me.userId()).orElseThrow(UserNotFoundException::new);
    }

    private static void requireAdmin(SignedInUser admin) {
        if (!admin.isAdmin()) {
            throw new IllegalStateException("Only admins manage users; the security chain should have refused this");
        }
    }

    /** Locks the practice row first, so concurrent role changes cannot both remove "another" admin. */
    private StaffUser lockedUser(PracticeId practice, UserId userId) {
        jdbc.sql("select id from practices where id = ? for update")
                .param(practice.value())
                .query(Object.class)
                .optional();
        return practices.findUser(practice, userId).orElseThrow(UserNotFoundException::new);
    }

    private int activeAdmins(PracticeId practice) {
        return jdbc.sql("select count(*) from users where practice_id = ? and role = 'ADMIN' and active = true")
                .param(practice.value())
                .query(Integer.class)
                .single();
    }

    private StaffUser reread(PracticeId practice, UserId user) {
        return practices.findUser(practice, user).orElseThrow(UserNotFoundException::new);
    }

    private String oneTimePassword() {
        var password = new StringBuilder(ONE_TIME_PASSWORD_LENGTH);
        for (var i = 0; i < ONE_TIME_PASSWORD_LENGTH; i++) {
            password.append(ONE_TIME_ALPHABET.charAt(random.nextInt(ONE_TIME_ALPHABET.length())));
        }
        return password.toString();
    }
}
