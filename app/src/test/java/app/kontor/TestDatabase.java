package app.kontor;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Points each test JVM at a database of its own before any Spring context starts: an in-memory H2
 * database, or (when {@code kontor.test.database=postgresql}, the second Surefire run) a new
 * PostgreSQL database {@code kontor_test_<random>} on the machine's server, dropped at the end.
 */
public final class TestDatabase implements LauncherSessionListener {

    private static final String POSTGRES_ADMIN_URL =
            System.getProperty("kontor.test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String POSTGRES_USER = System.getProperty("kontor.test.postgresql.user", "postgres");
    private static final String POSTGRES_PASSWORD = System.getProperty("kontor.test.postgresql.password", "");

    private String postgresDatabase;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        var name =
                "kontor_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if ("postgresql".equals(System.getProperty("kontor.test.database"))) {
            execute("create database " + name);
            postgresDatabase = name;
            System.setProperty(
                    "spring.datasource.url",
                    POSTGRES_ADMIN_URL.substring(0, POSTGRES_ADMIN_URL.lastIndexOf('/') + 1) + name);
            System.setProperty("spring.datasource.username", POSTGRES_USER);
            System.setProperty("spring.datasource.password", POSTGRES_PASSWORD);
        } else {
            System.setProperty(
                    "spring.datasource.url",
                    "jdbc:h2:mem:" + name
                            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            System.setProperty("spring.datasource.username", "sa");
            System.setProperty("spring.datasource.password", "");
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgresDatabase != null) {
            execute("drop database if exists " + postgresDatabase + " with (force)");
        }
    }

    private static void execute(String sql) {
        try (var connection = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, POSTGRES_PASSWORD);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot reach PostgreSQL at " + POSTGRES_ADMIN_URL + " to run: " + sql
                            + " (is it running? .ci/run starts it)",
                    e);
        }
    }
}
