package org.redstation.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.RedStationApplication;
import org.redstation.support.Api;
import org.redstation.support.TestInfra;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The run command's embedded default: with no database or Redis configured the app starts a real
 * MariaDB and Redis, the sandbox and the demo data; closing it stops them; a second start reuses the data.
 */
class EmbeddedDefaultIT {

    @Test
    void startsItsOwnDatabaseAndRedisStopsThemAndReusesTheData() throws Exception {
        Path dir = Files.createTempDirectory("rs-embedded-it");
        int dbPort = TestInfra.freePort();
        int redisPort = TestInfra.freePort();
        String[] args = {
            "--server.port=0", "--redstation.embedded.mode=true", "--redstation.embedded.data-dir=" + dir,
            "--redstation.embedded.db-port=" + dbPort, "--redstation.embedded.redis-port=" + redisPort,
            "--redstation.wechat.sandbox.port=0", "--spring.datasource.url=", "--redstation.redis.prefix=rs-embedded-it"
        };
        long userId;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RedStationApplication.class).run(args)) {
            assertThat(app.getEnvironment().getProperty("spring.datasource.url")).contains(":" + dbPort + "/");
            Api api = new Api("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
            assertThat(api.get("/actuator/health").expect(200).text()).contains("UP");
            String token = api.login("embedded-resident");
            userId = api.get("/api/me", token).expect(200).body().path("id").asLong();
            // demo data and the bootstrap administrator are there
            api.post("/api/staff/auth/login", Map.of("username", app.getEnvironment().getProperty("redstation.admin.username"),
                    "password", app.getEnvironment().getProperty("redstation.admin.password"))).expect(200);
        }
        assertThat(listening(dbPort)).as("MariaDB stopped").isFalse();
        assertThat(listening(redisPort)).as("Redis stopped").isFalse();

        try (ConfigurableApplicationContext again = new SpringApplicationBuilder(RedStationApplication.class).run(args)) {
            Api api = new Api("http://127.0.0.1:" + again.getEnvironment().getProperty("local.server.port"));
            String token = api.login("embedded-resident");
            assertThat(api.get("/api/me", token).expect(200).body().path("id").asLong()).isEqualTo(userId);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
