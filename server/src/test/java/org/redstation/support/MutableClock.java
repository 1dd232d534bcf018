package org.redstation.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock tests move by hand (no waiting): an outage of hours passes in one call. */
public final class MutableClock extends Clock {
    private final ZoneId zone;
    private volatile Instant now;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    /** Moves to a local time of this clock's zone (never backwards). */
    public void moveTo(LocalDateTime t) {
        Instant i = t.atZone(zone).toInstant();
        if (i.isAfter(now)) {
            now = i;
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new MutableClock(now, z);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
