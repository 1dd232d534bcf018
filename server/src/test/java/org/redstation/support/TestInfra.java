package org.redstation.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.redstation.infra.EmbeddedMariaDb;
import org.redstation.infra.EmbeddedRedis;
import org.redstation.infra.JdbcUrls;

/**
 * Real MariaDB/MySQL and Redis for tests: the ones given by TEST_DB_* / TEST_REDIS_* (default
 * 127.0.0.1:3306 root without password, 127.0.0.1:6379), or embedded ones when none answers. Each
 * test run gets its own database and its own Redis key prefix, so runs never collide.
 */
public final class TestInfra {
    public static final String ADMIN_USER = "admin";
    /** The bootstrap password; {@link Api#adminLogin()} changes it once per run (first sign-in rule). */
    public static final String ADMIN_PASSWORD = "admin-test-pass";
    public static final String ADMIN_CHANGED_PASSWORD = "admin-test-pass-changed";
    private static boolean started;
    private static String jdbcUrl;
    private static String dbUser;
    private static String dbPassword;
    private static String redisHost;
    private static int redisPort;
    private static String runId;

    private TestInfra() {
    }

    public static synchronized void init() {
        if (started) {
            return;
        }
        // the JDK client keeps idle connections 30 s, Tomcat closes them after 20 s: a test resuming a
        // context after another context's tests then writes to a closed connection ("header parser
        // received no bytes"). Keep the client's idle time below the server's.
        System.setProperty("jdk.httpclient.keepalive.timeout", "10");
        runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss")) + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
        String database = "rs_test_" + runId;
        initDatabase(database);
        initRedis();
        System.setProperty("DB_URL", jdbcUrl);
        System.setProperty("DB_USER", dbUser);
        System.setProperty("DB_PASSWORD", dbPassword);
        System.setProperty("REDIS_HOST", redisHost);
        System.setProperty("REDIS_PORT", String.valueOf(redisPort));
        System.setProperty("REDSTATION_REDIS_PREFIX", "rs-test-" + runId);
        System.setProperty("redstation.embedded.mode", "false");
        System.setProperty("WX_SANDBOX_ENABLED", "true");
        System.setProperty("WX_SANDBOX_PORT", "0");
        System.setProperty("WX_MA_TOKEN", "sandbox-ma-token");
        System.setProperty("REDSTATION_DEMO_DATA", "true");
        System.setProperty("REDSTATION_ADMIN_USERNAME", ADMIN_USER);
        System.setProperty("REDSTATION_ADMIN_PASSWORD", ADMIN_PASSWORD);
        System.setProperty("REDSTATION_TOKEN_SECRET", "test-secret-" + runId);
        // tests run the sandbox against a real database: the explicit development/test opt-in
        System.setProperty("REDSTATION_ALLOW_SANDBOX", "true");
        // every test signs in from 127.0.0.1: the per-address limit is proven on its own (StaffLoginIT)
        System.setProperty("REDSTATION_STAFF_LOGIN_IP_MAX_FAILURES", "100000");
        // likewise the rate limits keyed by address or by a resident many tests share; RateLimitsIT proves them
        System.setProperty("REDSTATION_RATE_MINI_LOGIN_IP", "100000");
        System.setProperty("REDSTATION_RATE_STAFF_LOGIN_IP", "100000");
        System.setProperty("REDSTATION_RATE_BOOKINGS_PER_DAY", "100000");
        System.setProperty("REDSTATION_RATE_WAITLIST_PER_DAY", "100000");
        System.setProperty("REDSTATION_RATE_CHAT_PER_MINUTE", "100000");
        System.setProperty("REDSTATION_RATE_BINDING_PER_MINUTE", "100000");
        started = true;
    }

    public static String jdbcUrl() {
        return jdbcUrl;
    }

    public static String runId() {
        return runId;
    }

    public static String redisHost() {
        return redisHost;
    }

    public static int redisPort() {
        return redisPort;
    }

    private static void initDatabase(String database) {
        String host = env("TEST_DB_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("TEST_DB_PORT", "3306"));
        dbUser = env("TEST_DB_USER", "root");
        dbPassword = env("TEST_DB_PASSWORD", "");
        if (!canConnect(JdbcUrls.mysql(host, port, ""), dbUser, dbPassword)) {
            int free = freePort();
            Path dir = tempDir("rs-test-mariadb");
            EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, free, database);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                db.close();
                deleteTree(dir);
            }));
            host = "127.0.0.1";
            port = free;
            dbUser = EmbeddedMariaDb.USER;
            dbPassword = EmbeddedMariaDb.PASSWORD;
        }
        String server = JdbcUrls.mysql(host, port, "");
        exec(server, "CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> exec(server, "DROP DATABASE IF EXISTS `" + database + "`")));
        jdbcUrl = JdbcUrls.mysql(host, port, database);
    }

    private static void initRedis() {
        redisHost = env("TEST_REDIS_HOST", "127.0.0.1");
        redisPort = Integer.parseInt(env("TEST_REDIS_PORT", "6379"));
        if (!redisAnswers(redisHost, redisPort)) {
            redisHost = "127.0.0.1";
            redisPort = freePort();
            Path dir = tempDir("rs-test-redis");
            EmbeddedRedis r = EmbeddedRedis.start(dir, redisPort);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                r.close();
                deleteTree(dir);
            }));
        }
    }

    private static boolean canConnect(String url, String user, String password) {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private static void exec(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, dbUser, dbPassword); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("test database setup failed: " + e.getMessage(), e);
        }
    }

    /** Redis answers PING (RESP inline command over a plain socket). */
    public static boolean redisAnswers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[16];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: it is a temporary folder
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
