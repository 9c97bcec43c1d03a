package app.kontor.xero.internal;

import static app.kontor.xero.internal.ConnectionRows.instant;
import static app.kontor.xero.internal.ConnectionRows.utc;

import app.kontor.shared.PracticeId;
import app.kontor.shared.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finished consents waiting for the admin to pick the organisation; tokens encrypted. */
@Repository
class ConsentRows {

    record PendingConsent(
            UUID id,
            PracticeId practiceId,
            UserId userId,
            String accessTokenCipher,
            @Nullable String refreshTokenCipher,
            Instant accessExpiresAt,
            UUID authenticationEventId,
            Instant createdAt) {}

    private final JdbcClient jdbc;

    ConsentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PendingConsent consent) {
        jdbc.sql("""
                        insert into xero_consents (id, practice_id, user_id, access_token, refresh_token,
                            access_expires_at, authentication_event_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        consent.id(),
                        consent.practiceId().value(),
                        consent.userId().value(),
                        consent.accessTokenCipher(),
                        consent.refreshTokenCipher(),
                        utc(consent.accessExpiresAt()),
                        consent.authenticationEventId(),
                        utc(consent.createdAt()))
                .update();
    }

    /** The user's newest consent made after {@code notBefore}, in their practice. */
    Optional<PendingConsent> latest(PracticeId practice, UserId user, Instant notBefore) {
        return jdbc.sql("""
                        select * from xero_consents where practice_id = ? and user_id = ? and created_at >= ?
                        order by created_at desc limit 1""")
                .params(practice.value(), user.value(), utc(notBefore))
                .query((rs, row) -> new PendingConsent(
                        rs.getObject("id", UUID.class),
                        new PracticeId(rs.getObject("practice_id", UUID.class)),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        rs.getString("access_token"),
                        rs.getString("refresh_token"),
                        instant(rs, "access_expires_at"),
                        rs.getObject("authentication_event_id", UUID.class),
                        instant(rs, "created_at")))
                .optional();
    }

    void deleteFor(PracticeId practice) {
        jdbc.sql("delete from xero_consents where practice_id = ?")
                .param(practice.value())
                .update();
    }

    void deleteOlderThan(Instant cutoff) {
        jdbc.sql("delete from xero_consents where created_at < ?")
                .param(utc(cutoff))
                .update();
    }
}
