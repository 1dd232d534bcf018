package org.redstation.infra;

/** The JDBC URL shape used everywhere (mysql-connector-j speaks to MySQL 8 and MariaDB alike). */
public final class JdbcUrls {
    private JdbcUrls() {
    }

    public static String mysql(String host, int port, String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + database
                + "?useUnicode=true&characterEncoding=utf8&useSSL=false&allowPublicKeyRetrieval=true"
                + "&connectionTimeZone=LOCAL&rewriteBatchedStatements=true";
    }
}
