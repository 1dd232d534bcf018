package org.redstation.console;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * The console's files under /console/ (static mappings are otherwise off: spring.web.resources.add-mappings=false).
 * Every path that is not a file answers index.html, so the Vue router's deep links (/console/duty) survive a reload.
 */
@Configuration
class ConsoleWebConfig implements WebMvcConfigurer {
    private static final Logger log = LoggerFactory.getLogger(ConsoleWebConfig.class);
    static final String LOCATION = "classpath:/static/console/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // hashed file names: cache for long
        registry.addResourceHandler("/console/assets/**").addResourceLocations(LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic());
        // index.html must be revalidated so a new build is picked up at once
        registry.addResourceHandler("/console/**").addResourceLocations(LOCATION)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new SpaFallbackResolver());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", "/console/");
        // the resource handler ignores an empty path, so the console's root is forwarded explicitly
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent event) {
        if (new ClassPathResource("static/console/index.html").exists()) {
            log.info("Staff console:  http://127.0.0.1:{}/console/",
                    event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080"));
        } else {
            log.warn("Staff console not built (node/npm missing at build time, or -Dconsole.skip): /console/ answers 404. "
                    + "Install Node 20+ and rebuild to serve it.");
        }
    }

    /** A real file when there is one; otherwise index.html, except for missing assets (a real 404). */
    static final class SpaFallbackResolver extends PathResourceResolver {
        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            if (!resourcePath.isEmpty()) {
                Resource file = location.createRelative(resourcePath);
                if (file.exists() && file.isReadable() && !resourcePath.endsWith("/")) {
                    return file;
                }
                if (resourcePath.startsWith("assets/") || resourcePath.contains(".")) {
                    return null;
                }
            }
            Resource index = location.createRelative("index.html");
            return index.exists() ? index : null;
        }
    }
}
