package org.redstation.support;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements that HTTP requests run, through a datasource-proxy around the pool. Only
 * statements on the web server's request threads count, so scheduled jobs running meanwhile do not
 * disturb a count. Use it from one test thread at a time.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {
    private static final AtomicLong COUNT = new AtomicLong();

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(ds).name("counted")
                            .afterQuery((exec, queries) -> {
                                if (Thread.currentThread().getName().startsWith("http-nio-")) {
                                    COUNT.addAndGet(queries.size());
                                }
                            })
                            .build();
                }
                return bean;
            }
        };
    }

    /** The number of statements that request threads ran while {@code call} ran. */
    public static long count(Runnable call) {
        long before = COUNT.get();
        call.run();
        return COUNT.get() - before;
    }

    public static <T> Counted<T> count(Supplier<T> call) {
        long before = COUNT.get();
        T value = call.get();
        return new Counted<>(value, COUNT.get() - before);
    }

    public record Counted<T>(T value, long statements) {
    }
}
