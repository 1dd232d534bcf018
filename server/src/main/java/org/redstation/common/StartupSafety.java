package org.redstation.common;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start with development settings anywhere but the embedded default. Part of the production jar
 * (the embedded infrastructure is not), and ordered last so it sees what the embedded default has set up.
 */
public class StartupSafety implements EnvironmentPostProcessor, Ordered {
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        if ("true".equals(env.getProperty("redstation.embedded.active"))) {
            return; // the run command's embedded default: development values are its point
        }
        boolean prod = env.acceptsProfiles(Profiles.of("prod"));
        boolean allowed = "true".equalsIgnoreCase(env.getProperty(UnsafeSettings.ALLOW_VARIABLE, "false").trim());
        if (prod || !allowed) {
            UnsafeSettings.check(env::getProperty, prod ? "with the prod profile" : "against a real database");
        }
    }
}
