package org.redstation.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Session settings. {@code tokenSecret} signs session tokens: set REDSTATION_TOKEN_SECRET in production. */
@ConfigurationProperties("redstation.auth")
public record AuthProperties(String tokenSecret, Duration userSessionTtl, Duration staffSessionTtl) {
    public AuthProperties {
        userSessionTtl = userSessionTtl == null ? Duration.ofDays(7) : userSessionTtl;
        staffSessionTtl = staffSessionTtl == null ? Duration.ofHours(12) : staffSessionTtl;
    }
}
