package org.redstation.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/** A real Redis server binary (embedded-redis) bound to 127.0.0.1, keeping nothing on disk. */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedRedis start(Path dir, int port) {
        try {
            Files.createDirectories(dir);
            ProcessFiles.killStale(dir, "redis.pid");
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("pidfile " + dir.resolve("redis.pid").toAbsolutePath())
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            log.info("embedded Redis up on 127.0.0.1:{}", port);
            return new EmbeddedRedis(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Redis on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
            log.info("embedded Redis stopped");
        } catch (Exception e) {
            log.warn("could not stop the embedded Redis: {}", e.toString());
        }
    }
}
