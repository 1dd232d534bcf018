package org.redstation.booking;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Booking settings ({@code redstation.booking}).
 *
 * @param reminderBefore   how long before a slot the reminder goes out
 * @param noShowLimit      this many no-shows within {@code noShowWindowDays} block new bookings (0 = never)
 * @param noShowWindowDays the look-back window of the no-show limit
 * @param fields           template key -> (logical field service/time/station/tip -> WeChat data key, e.g. thing1)
 */
@ConfigurationProperties("redstation.booking")
record BookingProperties(Duration reminderBefore, int noShowLimit, int noShowWindowDays,
                         Map<String, Map<String, String>> fields) {
    BookingProperties {
        reminderBefore = reminderBefore == null ? Duration.ofHours(1) : reminderBefore;
        noShowWindowDays = noShowWindowDays <= 0 ? 90 : noShowWindowDays;
        fields = fields == null ? Map.of() : fields;
    }
}
