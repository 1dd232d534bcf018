package org.redstation.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A dead or stuck database fails requests instead of holding their threads: every JDBC path has a timeout. */
class JdbcTimeoutsIT extends IntegrationTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    SqlSessionFactory sessions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void connectSocketAndStatementTimeoutsAreSet() {
        HikariDataSource hikari = unwrap(dataSource); // StatementCounter wraps it in tests
        assertThat(hikari.getConnectionTimeout()).isEqualTo(5000);
        assertThat(hikari.getDataSourceProperties()).containsEntry("connectTimeout", "5000").containsEntry("socketTimeout", "60000");
        assertThat(sessions.getConfiguration().getDefaultStatementTimeout()).isEqualTo(30);
        assertThat(jdbc.getQueryTimeout()).isEqualTo(30);
    }

    private static HikariDataSource unwrap(DataSource ds) {
        try {
            return ds.unwrap(HikariDataSource.class);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
