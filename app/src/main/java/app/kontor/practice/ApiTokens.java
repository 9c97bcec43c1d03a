package app.kontor.practice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: each user creates, lists and revokes their own. A token is {@value #PREFIX}
 * followed by 256 random bits in base64url; only its SHA-256 is stored, so it is shown once. A token
 * acts as its owner, in the owner's practice and role, while the owner is active.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "kontor_";
    public static final int MAX_NAME_LENGTH = 100;

    private static final int TOKEN_BYTES = 32;
    /** Recording every use would write on every API call; to the minute is enough to spot unused tokens. */
    private static final long LAST_USED_RESOLUTION_SECONDS = 60;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token just created: {@code secret} is the only copy of the token and is not stored. */
    public record CreatedApiToken(ApiToken token, String secret) {}

    /** @throws InvalidAccountException ({@code name}) when the name is empty or too long */
    @Transactional
    public CreatedApiToken create(SignedInUser owner, String name) {
        var cleanName = name.strip();
        if (cleanName.isEmpty()) {
            throw InvalidAccountException.of("name", "Give the token a name, such as the script that will use it.");
        }
        if (cleanName.length() > MAX_NAME_LENGTH) {
            throw InvalidAccountException.of("name", "Use at most " + MAX_NAME_LENGTH + " characters for the name.");
        }
        var bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var token = new ApiToken(UUID.randomUUID(), cleanName, now(), null);
        jdbc.sql("""
                        insert into api_tokens (id, user_id, practice_id, name, token_hash, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        token.id(),
                        owner.userId().value(),
                        owner.practiceId().value(),
                        token.name(),
                        sha256(secret),
                        OffsetDateTime.ofInstant(token.createdAt(), ZoneOffset.UTC))
                .update();
        return new CreatedApiToken(token, secret);
    }

    /** The owner's tokens that are not revoked, newest first. */
    public List<ApiToken> list(SignedInUser owner) {
        return jdbc.sql("""
                        select * from api_tokens where user_id = ? and revoked_at is null
                        order by created_at desc, name""")
                .param(owner.userId().value())
                .query(ApiTokens::token)
                .list();
    }

    /** @throws ApiTokenNotFoundException when it is not one of the owner's active tokens */
    @Transactional
    public void revoke(SignedInUser owner, UUID tokenId) {
        var revoked = jdbc.sql("""
                        update api_tokens set revoked_at = ?
                        where id = ? and user_id = ? and revoked_at is null""")
                .params(
                        OffsetDateTime.ofInstant(now(), ZoneOffset.UTC),
                        tokenId,
                        owner.userId().value())
                .update();
        if (revoked == 0) {
            throw new ApiTokenNotFoundException();
        }
    }

    /**
     * The owner a presented token acts for, and records its use.
     *
     * @return empty for an unknown or revoked token, or one whose owner is deactivated
     */
    @Transactional
    public Optional<KontorUserDetails> authenticate(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        var hash = sha256(presented);
        var found = jdbc.sql("""
                        select u.*, p.name as practice_name, t.id as token_id, t.last_used_at
                        from api_tokens t
                        join users u on u.id = t.user_id
                        join practices p on p.id = u.practice_id
                        where t.token_hash = ? and t.revoked_at is null and u.active = true""")
                .param(hash)
                .query((rs, row) -> new Found(
                        Practices.userDetails(rs, row),
                        rs.getObject("token_id", UUID.class),
                        rs.getObject("last_used_at", OffsetDateTime.class)))
                .optional();
        found.ifPresent(this::touch);
        return found.map(f -> {
            f.owner().eraseCredentials();
            return f.owner();
        });
    }

    private record Found(
            KontorUserDetails owner, UUID tokenId, @Nullable OffsetDateTime lastUsedAt) {}

    private void touch(Found found) {
        var now = now();
        var lastUsed = found.lastUsedAt();
        if (lastUsed == null || lastUsed.toInstant().isBefore(now.minusSeconds(LAST_USED_RESOLUTION_SECONDS))) {
            jdbc.sql("update api_tokens set last_used_at = ? where id = ?")
                    .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), found.tokenId())
                    .update();
        }
    }

    static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        var lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
        return new ApiToken(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                lastUsed == null ? null : lastUsed.toInstant());
    }
}
