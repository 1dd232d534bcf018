package org.redstation.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.redstation.RedStationApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The app itself refuses to start against a real database with development settings, and does not
 * fall back to an embedded Redis when only REDIS_HOST is missing. Both refusals happen before anything
 * connects, so the addresses need not exist. Arguments override what TestInfra put in system properties.
 */
class UnsafeStartupIT {

    @Test
    void aRealDatabaseWithDevelopmentSettingsIsRefusedNamingEveryVariable() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RedStationApplication.class).run(
                "--server.port=0", "--redstation.embedded.mode=auto",
                "--spring.datasource.url=jdbc:mysql://db.invalid:3306/redstation", "--REDIS_HOST=redis.invalid",
                "--REDSTATION_ALLOW_SANDBOX=false", "--redstation.wechat.sandbox.enabled=true",
                "--redstation.auth.token-secret=", "--redstation.admin.password=admin123"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("against a real database", "WX_SANDBOX_ENABLED", "WX_MA_APPID", "WX_MA_SECRET",
                        "WX_MP_APPID", "WX_MP_SECRET", "WX_MP_TOKEN", "REDSTATION_TOKEN_SECRET", "REDSTATION_ADMIN_PASSWORD");
    }

    @Test
    void theProdProfileIgnoresTheDevelopmentOptIn() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RedStationApplication.class).profiles("prod").run(
                "--server.port=0", "--spring.datasource.url=jdbc:mysql://db.invalid:3306/redstation", "--REDIS_HOST=redis.invalid",
                "--REDSTATION_ALLOW_SANDBOX=true", "--redstation.auth.token-secret=", "--redstation.admin.password=admin123"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("with the prod profile", "WX_MP_TOKEN", "REDSTATION_TOKEN_SECRET", "REDSTATION_ADMIN_PASSWORD");
    }

    @Test
    void aRealDatabaseWithoutRedisHostDoesNotStartAnEmbeddedRedis() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RedStationApplication.class).run(
                "--server.port=0", "--redstation.embedded.mode=auto",
                "--spring.datasource.url=jdbc:mysql://db.invalid:3306/redstation", "--REDIS_HOST="))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REDIS_HOST is not");
    }
}
