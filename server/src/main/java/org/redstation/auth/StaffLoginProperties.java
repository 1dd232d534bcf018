package org.redstation.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff sign-in limits. After {@code freeFailures} failed tries an account waits {@code firstDelay},
 * doubling with each further failure up to {@code maxDelay} (never a permanent lock). One address may
 * fail {@code ipMaxFailures} times per {@code ipWindow} over all names.
 */
@ConfigurationProperties("redstation.auth.staff-login")
public record StaffLoginProperties(int freeFailures, Duration firstDelay, Duration maxDelay, int ipMaxFailures, Duration ipWindow) {
    public StaffLoginProperties {
        freeFailures = freeFailures <= 0 ? 10 : freeFailures;
        firstDelay = firstDelay == null ? Duration.ofSeconds(30) : firstDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
        ipMaxFailures = ipMaxFailures <= 0 ? 50 : ipMaxFailures;
        ipWindow = ipWindow == null ? Duration.ofMinutes(15) : ipWindow;
    }
}
