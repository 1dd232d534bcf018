package org.redstation.duty;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Duty rules (env vars in README). Check-in is allowed from {@code checkinBefore} before a shift's start until
 * {@code checkinAfter} after it, within {@code maxDistanceMeters} of the station when the phone gives a location.
 */
@ConfigurationProperties("redstation.duty")
record DutyProperties(Duration checkinBefore, Duration checkinAfter, Integer maxDistanceMeters, Duration releaseCutoff,
                      Duration reminderLead, Duration understaffedLead, Duration lockWait, Duration lockLease,
                      Duration patternHorizon) {
    DutyProperties {
        checkinBefore = checkinBefore == null ? Duration.ofMinutes(15) : checkinBefore;
        checkinAfter = checkinAfter == null ? Duration.ofMinutes(30) : checkinAfter;
        maxDistanceMeters = maxDistanceMeters == null ? 500 : maxDistanceMeters;
        releaseCutoff = releaseCutoff == null ? Duration.ofHours(2) : releaseCutoff;
        reminderLead = reminderLead == null ? Duration.ofHours(1) : reminderLead;
        understaffedLead = understaffedLead == null ? Duration.ofHours(24) : understaffedLead;
        lockWait = lockWait == null ? Duration.ofSeconds(5) : lockWait;
        lockLease = lockLease == null ? Duration.ofSeconds(30) : lockLease;
        // how far ahead a weekly pattern keeps its shifts materialised (members see 14 days; staff plan a month)
        patternHorizon = patternHorizon == null ? Duration.ofDays(28) : patternHorizon;
    }
}
