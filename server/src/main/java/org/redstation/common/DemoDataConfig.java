package org.redstation.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With redstation.demo-data=true (embedded default, tests) Flyway also applies sql/demo (repeatable, idempotent). */
@Configuration(proxyBeanMethods = false)
class DemoDataConfig {
    @Bean
    FlywayConfigurationCustomizer demoDataLocations(@Value("${redstation.demo-data:false}") boolean demo) {
        return cfg -> {
            if (demo) {
                cfg.locations("classpath:db/migration", "classpath:db/demo");
            }
        };
    }
}
