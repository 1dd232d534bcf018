package org.redstation.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells a developer where to look once the server is up. */
@Component
class StartupBanner {
    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);
    private final Environment env;

    StartupBanner(Environment env) {
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent e) {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String base = "http://127.0.0.1:" + port;
        StringBuilder b = new StringBuilder("\n\n  Red Station server is up: ").append(base).append('\n')
                .append("  API docs:       ").append(base).append("/swagger-ui.html\n")
                .append("  Health:         ").append(base).append("/actuator/health\n");
        String sandboxPort = env.getProperty("redstation.wechat.sandbox.port");
        if (env.getProperty("redstation.wechat.sandbox.enabled", Boolean.class, false)) {
            b.append("  WeChat sandbox: http://127.0.0.1:").append(sandboxPort).append("/sandbox  (inbox: /sandbox/inbox)\n");
        }
        if (env.getProperty("redstation.embedded.active", Boolean.class, false)) {
            b.append("  Embedded MariaDB 127.0.0.1:").append(env.getProperty("redstation.embedded.db-port", "13306"))
                    .append(" and Redis 127.0.0.1:").append(env.getProperty("redstation.embedded.redis-port", "16379"))
                    .append(" (data in ").append(env.getProperty("redstation.embedded.data-dir", ".data")).append(")\n")
                    .append("  Staff login:    ").append(env.getProperty("redstation.admin.username"))
                    .append(" / (REDSTATION_ADMIN_PASSWORD, default admin123)\n");
        }
        log.info(b.toString());
    }
}
