package app.kontor.practice;

import app.kontor.shared.PracticeId;
import app.kontor.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds practices and their staff users; also the source of sign-in identities. */
@Service
public class Practices implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Practices(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public Practice create(String name, String defaultPhoneRegion) {
        var practice = new Practice(PracticeId.random(), name, defaultPhoneRegion.toUpperCase(Locale.ROOT), now());
        jdbc.sql("insert into practices (id, name, default_phone_region, created_at) values (?, ?, ?, ?)")
                .params(
                        practice.id().value(),
                        practice.name(),
                        practice.defaultPhoneRegion(),
                        OffsetDateTime.ofInstant(practice.createdAt(), ZoneOffset.UTC))
                .update();
        return practice;
    }

    public Optional<Practice> find(PracticeId id) {
        return jdbc.sql("select * from practices where id = ?")
                .param(id.value())
                .query(Practices::practice)
                .optional();
    }

    public Optional<Practice> findByName(String name) {
        return jdbc.sql("select * from practices where name = ? order by created_at limit 1")
                .param(name)
                .query(Practices::practice)
                .optional();
    }

    @Transactional
    public StaffUser addUser(PracticeId practice, NewUser user) {
        var staff = new StaffUser(
                UserId.random(),
                practice,
                canonicalEmail(user.email()),
                user.displayName(),
                user.role(),
                true,
                now(),
                false);
        jdbc.sql("""
                        insert into users (id, practice_id, email, display_name, password_hash, role, active, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        staff.id().value(),
                        practice.value(),
                        staff.email(),
                        staff.displayName(),
                        passwords.encode(user.password()),
                        staff.role().name(),
                        true,
                        OffsetDateTime.ofInstant(staff.createdAt(), ZoneOffset.UTC))
                .update();
        return staff;
    }

    public Optional<StaffUser> findUserByEmail(String email) {
        return jdbc.sql("select * from users where email = ?")
                .param(canonicalEmail(email))
                .query(Practices::staffUser)
                .optional();
    }

    /**
     * Sets a new password; demo mode uses it to print fresh credentials on every start (existing
     * sessions are kept, unlike {@link StaffAccounts#changeOwnPassword}).
     */
    @Transactional
    public void setPassword(UserId user, String password) {
        jdbc.sql("update users set password_hash = ? where id = ?")
                .params(passwords.encode(password), user.value())
                .update();
    }

    public List<StaffUser> users(PracticeId practice) {
        return jdbc.sql("select * from users where practice_id = ? order by role, display_name")
                .param(practice.value())
                .query(Practices::staffUser)
                .list();
    }

    public Optional<StaffUser> findUser(PracticeId practice, UserId user) {
        return jdbc.sql("select * from users where id = ? and practice_id = ?")
                .params(user.value(), practice.value())
                .query(Practices::staffUser)
                .optional();
    }

    @Override
    public KontorUserDetails loadUserByUsername(String email) {
        return jdbc.sql(USER_DETAILS + " where u.email = ?")
                .param(canonicalEmail(email))
                .query(Practices::userDetails)
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    /**
     * The signed-in user as they are now, checked on every request of a session: empty when the user
     * has been deactivated or their password changed since this sign-in (the session must end);
     * otherwise their current name, role and password state (never the password hash).
     */
    public Optional<KontorUserDetails> refresh(KontorUserDetails signedIn) {
        return current(signedIn.user().userId())
                .filter(KontorUserDetails::isEnabled)
                .filter(now -> now.credentialsVersion() == signedIn.credentialsVersion());
    }

    /** The user's current sign-in identity without the password hash, active or not. */
    public Optional<KontorUserDetails> current(UserId user) {
        return jdbc.sql(USER_DETAILS + " where u.id = ?")
                .param(user.value())
                .query(Practices::userDetails)
                .optional()
                .map(details -> {
                    details.eraseCredentials();
                    return details;
                });
    }

    /** Selects a user with their practice's name; callers add the where clause on {@code u}. */
    static final String USER_DETAILS =
            "select u.*, p.name as practice_name from users u join practices p on p.id = u.practice_id";

    static KontorUserDetails userDetails(ResultSet rs, int row) throws SQLException {
        return new KontorUserDetails(
                new SignedInUser(
                        new UserId(rs.getObject("id", UUID.class)),
                        new PracticeId(rs.getObject("practice_id", UUID.class)),
                        rs.getString("practice_name"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role"))),
                rs.getString("password_hash"),
                rs.getBoolean("active"),
                rs.getInt("credentials_version"),
                rs.getBoolean("must_change_password"));
    }

    static String canonicalEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Practice practice(ResultSet rs, int row) throws SQLException {
        return new Practice(
                new PracticeId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("default_phone_region"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static StaffUser staffUser(ResultSet rs, int row) throws SQLException {
        return new StaffUser(
                new UserId(rs.getObject("id", UUID.class)),
                new PracticeId(rs.getObject("practice_id", UUID.class)),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("must_change_password"));
    }
}
