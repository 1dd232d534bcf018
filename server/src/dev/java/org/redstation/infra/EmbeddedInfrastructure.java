package org.redstation.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default: when no database (DB_URL) or Redis (REDIS_HOST) is configured, start a real
 * MariaDB and a real Redis, turn on the WeChat sandbox and the demo data. Everything it starts is
 * stopped when the application context closes (after the data source and Redisson are closed).
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {
    static final String DATABASE = "redstation";
    private static final Object LOCK = new Object();
    private static final List<AutoCloseable> STARTED = new ArrayList<>();

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10; // before common.StartupSafety, which checks what is not embedded
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        boolean prod = env.acceptsProfiles(org.springframework.core.env.Profiles.of("prod"));
        String mode = env.getProperty("redstation.embedded.mode", "auto").trim().toLowerCase();
        boolean off = "false".equals(mode) || "off".equals(mode);
        boolean force = "true".equals(mode) || "on".equals(mode);
        boolean dbGiven = !isBlank(env.getProperty("spring.datasource.url"));
        boolean redisGiven = !isBlank(env.getProperty("REDIS_HOST"));
        if (prod && (!dbGiven || !redisGiven || force)) {
            throw new IllegalStateException("profile prod needs DB_URL and REDIS_HOST: the embedded default is for development only");
        }
        boolean needDb = !off && (force || !dbGiven);
        // a real database with no Redis configured is a deployment missing a setting, not a developer's
        // laptop: starting an embedded Redis (and the sandbox defaults with it) would fail open
        if (!off && !force && dbGiven && !redisGiven) {
            throw new IllegalStateException("DB_URL is set but REDIS_HOST is not: set REDIS_HOST "
                    + "(or REDSTATION_EMBEDDED=true to run everything embedded, for development only)");
        }
        boolean needRedis = !off && (force || !redisGiven);
        if (!needDb && !needRedis) {
            return;
        }
        Path dir = Path.of(env.getProperty("redstation.embedded.data-dir", ".data"));
        Map<String, Object> props = new HashMap<>();
        synchronized (LOCK) {
            if (needDb) {
                int port = env.getProperty("redstation.embedded.db-port", Integer.class, 13306);
                EmbeddedMariaDb db = EmbeddedMariaDb.start(dir.resolve("mariadb"), port, DATABASE);
                STARTED.add(db);
                props.put("spring.datasource.url", db.jdbcUrl(DATABASE));
                props.put("spring.datasource.username", EmbeddedMariaDb.USER);
                props.put("spring.datasource.password", EmbeddedMariaDb.PASSWORD);
            }
            if (needRedis) {
                int port = env.getProperty("redstation.embedded.redis-port", Integer.class, 16379);
                EmbeddedRedis redis = EmbeddedRedis.start(dir.resolve("redis"), port);
                STARTED.add(redis);
                props.put("spring.data.redis.host", "127.0.0.1");
                props.put("spring.data.redis.port", port);
            }
        }
        // development defaults, each overridable by configuration
        putIfUnset(env, props, "redstation.wechat.sandbox.enabled", "WX_SANDBOX_ENABLED", "true");
        putIfUnset(env, props, "redstation.wechat.sandbox.port", "WX_SANDBOX_PORT", "18081");
        putIfUnset(env, props, "redstation.wechat.miniapp.token", "WX_MA_TOKEN", "sandbox-ma-token");
        putIfUnset(env, props, "redstation.demo-data", "REDSTATION_DEMO_DATA", "true");
        putIfUnset(env, props, "redstation.admin.username", "REDSTATION_ADMIN_USERNAME", "admin");
        putIfUnset(env, props, "redstation.admin.password", "REDSTATION_ADMIN_PASSWORD", "admin123");
        props.put("redstation.embedded.active", "true");
        env.getPropertySources().addFirst(new MapPropertySource("redstation-embedded", props));
        app.addInitializers(ctx -> ctx.addBeanFactoryPostProcessor(EmbeddedInfrastructure::registerStopper));
    }


    /** Sets a development default unless the variable (or the property itself, as a system property) was given. */
    private static void putIfUnset(ConfigurableEnvironment env, Map<String, Object> props, String key, String variable, String value) {
        if (isBlank(env.getProperty(variable)) && isBlank(System.getProperty(key))) {
            props.put(key, value);
        }
    }

    /** Registers a bean that stops the embedded servers, destroyed after the data source and Redisson. */
    private static void registerStopper(ConfigurableListableBeanFactory bf) {
        String name = "embeddedInfrastructureStopper";
        if (!(bf instanceof BeanDefinitionRegistry reg) || reg.containsBeanDefinition(name)) {
            return;
        }
        reg.registerBeanDefinition(name, new RootBeanDefinition(Stopper.class, Stopper::new));
        for (String dependent : new String[] {"dataSource", "redisson", "redissonConnectionFactory"}) {
            if (reg.containsBeanDefinition(dependent)) {
                BeanDefinition def = reg.getBeanDefinition(dependent);
                List<String> deps = new ArrayList<>(def.getDependsOn() == null ? List.of() : List.of(def.getDependsOn()));
                deps.add(name);
                def.setDependsOn(deps.toArray(String[]::new));
            }
        }
    }

    static final class Stopper implements DisposableBean {
        @Override
        public void destroy() {
            synchronized (LOCK) {
                for (int i = STARTED.size() - 1; i >= 0; i--) {
                    try {
                        STARTED.get(i).close();
                    } catch (Exception e) {
                        // already logged by the server wrapper
                    }
                }
                STARTED.clear();
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
