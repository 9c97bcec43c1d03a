package app.kontor.xero.internal;

import app.kontor.shared.PracticeId;
import app.kontor.xero.ConnectionStatus;
import app.kontor.xero.ImportFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code xero_connections} table: one row per practice that ever connected. */
@Repository
class ConnectionRows {

    private final JdbcClient jdbc;

    ConnectionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredConnection> find(PracticeId practice) {
        return jdbc.sql("select * from xero_connections where practice_id = ?")
                .param(practice.value())
                .query(ConnectionRows::row)
                .optional();
    }

    /** Locks the row until the transaction ends: the one refresher of a connection holds it. */
    Optional<StoredConnection> findForUpdate(PracticeId practice) {
        return jdbc.sql("select * from xero_connections where practice_id = ? for update")
                .param(practice.value())
                .query(ConnectionRows::row)
                .optional();
    }

    /** Which practice, if any, is connected to the organisation right now. */
    Optional<PracticeId> practiceConnectedTo(UUID tenantId) {
        return jdbc.sql("select practice_id from xero_connections where active_tenant_id = ?")
                .param(tenantId)
                .query((rs, row) -> new PracticeId(rs.getObject(1, UUID.class)))
                .optional();
    }

    void saveConnected(StoredConnection connection, Instant now) {
        var updated = jdbc.sql("""
                        update xero_connections set tenant_id = ?, active_tenant_id = ?, organisation_name = ?,
                            short_code = ?, xero_connection_id = ?, status = ?, connected_by = ?, connected_at = ?,
                            access_token = ?, refresh_token = ?, access_expires_at = ?, refreshed_at = ?, updated_at = ?
                        where practice_id = ?""")
                .params(
                        connection.tenantId(),
                        connection.tenantId(),
                        connection.organisationName(),
                        connection.shortCode(),
                        connection.xeroConnectionId(),
                        connection.status().name(),
                        connection.connectedBy(),
                        utc(connection.connectedAt()),
                        connection.accessTokenCipher(),
                        connection.refreshTokenCipher(),
                        utc(connection.accessExpiresAt()),
                        utc(now),
                        utc(now),
                        connection.practiceId().value())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into xero_connections (practice_id, tenant_id, active_tenant_id, organisation_name,
                                short_code, xero_connection_id, status, connected_by, connected_at, access_token,
                                refresh_token, access_expires_at, import_filter, refreshed_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            connection.practiceId().value(),
                            connection.tenantId(),
                            connection.tenantId(),
                            connection.organisationName(),
                            connection.shortCode(),
                            connection.xeroConnectionId(),
                            connection.status().name(),
                            connection.connectedBy(),
                            utc(connection.connectedAt()),
                            connection.accessTokenCipher(),
                            connection.refreshTokenCipher(),
                            utc(connection.accessExpiresAt()),
                            connection.importFilter().name(),
                            utc(now),
                            utc(now))
                    .update();
        }
    }

    void saveTokens(
            PracticeId practice, String accessCipher, @Nullable String refreshCipher, Instant expiresAt, Instant now) {
        jdbc.sql("""
                        update xero_connections set access_token = ?, refresh_token = coalesce(?, refresh_token),
                            access_expires_at = ?, refreshed_at = ?, updated_at = ?
                        where practice_id = ?""")
                .params(accessCipher, refreshCipher, utc(expiresAt), utc(now), utc(now), practice.value())
                .update();
    }

    void markNeedsReconnect(PracticeId practice, Instant now) {
        jdbc.sql("update xero_connections set status = ?, updated_at = ? where practice_id = ? and status = ?")
                .params(
                        ConnectionStatus.NEEDS_RECONNECT.name(),
                        utc(now),
                        practice.value(),
                        ConnectionStatus.CONNECTED.name())
                .update();
    }

    /** Forgets the tokens and frees the organisation; the row stays so a reconnect finds its links. */
    void markDisconnected(PracticeId practice, Instant now) {
        jdbc.sql("""
                        update xero_connections set status = ?, active_tenant_id = null, access_token = null,
                            refresh_token = null, access_expires_at = null, xero_connection_id = null, updated_at = ?
                        where practice_id = ?""")
                .params(ConnectionStatus.DISCONNECTED.name(), utc(now), practice.value())
                .update();
    }

    /** Connected practices whose refresh token was last used before {@code notSince}. */
    List<PracticeId> dueForKeepAlive(Instant notSince) {
        return jdbc.sql("""
                        select practice_id from xero_connections
                        where status = ? and (refreshed_at is null or refreshed_at < ?)""")
                .params(ConnectionStatus.CONNECTED.name(), utc(notSince))
                .query((rs, row) -> new PracticeId(rs.getObject(1, UUID.class)))
                .list();
    }

    void saveOrganisation(PracticeId practice, String name, String shortCode, Instant now) {
        jdbc.sql(
                        "update xero_connections set organisation_name = ?, short_code = ?, updated_at = ? where practice_id = ?")
                .params(name, shortCode, utc(now), practice.value())
                .update();
    }

    List<PracticeId> connected() {
        return jdbc.sql("select practice_id from xero_connections where status = ?")
                .param(ConnectionStatus.CONNECTED.name())
                .query((rs, row) -> new PracticeId(rs.getObject(1, UUID.class)))
                .list();
    }

    void savePaused(PracticeId practice, boolean paused, Instant now) {
        jdbc.sql("update xero_connections set paused = ?, updated_at = ? where practice_id = ?")
                .params(paused, utc(now), practice.value())
                .update();
    }

    /** {@code null} keeps the time already stored. */
    void saveSyncTimes(PracticeId practice, @Nullable Instant last, @Nullable Instant next, Instant now) {
        jdbc.sql("""
                        update xero_connections set last_sync_at = coalesce(?, last_sync_at),
                            next_sync_at = coalesce(?, next_sync_at), updated_at = ?
                        where practice_id = ?""").params(utc(last), utc(next), utc(now), practice.value()).update();
    }

    void saveImportFilter(PracticeId practice, ImportFilter filter, Instant now) {
        jdbc.sql("update xero_connections set import_filter = ?, updated_at = ? where practice_id = ?")
                .params(filter.name(), utc(now), practice.value())
                .update();
    }

    private static StoredConnection row(ResultSet rs, int row) throws SQLException {
        return new StoredConnection(
                new PracticeId(rs.getObject("practice_id", UUID.class)),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("organisation_name"),
                rs.getString("short_code"),
                rs.getObject("xero_connection_id", UUID.class),
                ConnectionStatus.valueOf(rs.getString("status")),
                rs.getString("connected_by"),
                instant(rs, "connected_at"),
                rs.getString("access_token"),
                rs.getString("refresh_token"),
                instant(rs, "access_expires_at"),
                ImportFilter.valueOf(rs.getString("import_filter")),
                rs.getBoolean("paused"),
                instant(rs, "last_sync_at"),
                instant(rs, "next_sync_at"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
