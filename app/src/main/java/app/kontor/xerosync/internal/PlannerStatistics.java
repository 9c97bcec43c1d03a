package app.kontor.xerosync.internal;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's planner statistics current while a large read grows Kontor's tables. Autovacuum
 * analyzes a table at most once a minute (and only once a tenth of it has changed), so during an
 * import that adds tens of thousands of rows a minute the planner still believes the tables are
 * small and reads them whole for each batch's lookups by id. The import asks for a refresh after its
 * 1st, 2nd, 4th, 8th… page, so the statistics are never more than about twice out, at a cost that
 * grows with the logarithm of the import's size. H2 plans without such statistics: nothing to do.
 */
@Component
public class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    /** The tables whose lookups by id the matching plans again for every batch. */
    private static final String TABLES = "xero_contacts, xero_links, contacts";

    private final JdbcClient jdbc;
    private final boolean postgresql;

    PlannerStatistics(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgresql = "PostgreSQL".equals(productName(dataSource));
    }

    /** Whether a read that has read {@code pages} pages should refresh the statistics now. */
    public static boolean dueAfter(int pages) {
        return pages > 0 && Integer.bitCount(pages) == 1;
    }

    /** @return whether the statistics were refreshed (on PostgreSQL, when Kontor may) */
    public boolean refresh() {
        if (!postgresql) {
            return false;
        }
        try {
            jdbc.sql("analyze " + TABLES).update();
            return true;
        } catch (DataAccessException notAllowed) {
            // Only the tables' owner may analyze them; without it Kontor is slower, not wrong.
            log.debug("Could not refresh the planner's statistics", notAllowed);
            return false;
        }
    }

    private static String productName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException unknown) {
            return "";
        }
    }
}
