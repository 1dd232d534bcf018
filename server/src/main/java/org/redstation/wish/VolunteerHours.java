package org.redstation.wish;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Public API: volunteer minutes credited at activity check-ins, so the member centre can show them beside duty
 * hours. One statement whatever the number of users.
 */
@Service
public class VolunteerHours {
    private final VolunteerSignupMapper signups;

    VolunteerHours(VolunteerSignupMapper signups) {
        this.signups = signups;
    }

    /** Minutes per user (users without any are absent). */
    public Map<Long, Long> minutes(Collection<Long> userIds) {
        Map<Long, Long> out = new HashMap<>();
        if (userIds == null || userIds.isEmpty()) {
            return out;
        }
        List<Map<String, Object>> rows = signups.minutesOf(userIds);
        rows.forEach(r -> out.put(((Number) r.get("user_id")).longValue(), ((Number) r.get("minutes")).longValue()));
        return out;
    }

    public long minutes(long userId) {
        return minutes(List.of(userId)).getOrDefault(userId, 0L);
    }
}
