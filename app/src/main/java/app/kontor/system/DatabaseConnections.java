package app.kontor.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Driver settings Kontor's writes rely on. On PostgreSQL a JDBC batch of inserts (an import writes
 * contacts, their details and links a thousand at a time) is sent as multi-row inserts rather than
 * one statement per row: fewer statements for the server to plan and run. H2 rejects settings it
 * does not know, so this is for PostgreSQL URLs only.
 */
class DatabaseConnections implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
