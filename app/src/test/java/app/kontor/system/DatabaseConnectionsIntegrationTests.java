package app.kontor.system;

import static org.assertj.core.api.Assertions.assertThat;

import app.kontor.KontorIntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@KontorIntegrationTest
class DatabaseConnectionsIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void postgresqlSendsBatchesOfInsertsAsMultiRowInsertsAndH2IsLeftAsItIs() throws Exception {
        var pool = dataSource.unwrap(HikariDataSource.class);
        var postgresql = "postgresql".equals(System.getProperty("kontor.test.database"));

        assertThat(pool.getJdbcUrl()).startsWith(postgresql ? "jdbc:postgresql:" : "jdbc:h2:");
        assertThat(pool.getDataSourceProperties().getProperty("reWriteBatchedInserts"))
                .isEqualTo(postgresql ? "true" : null);
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }
}
