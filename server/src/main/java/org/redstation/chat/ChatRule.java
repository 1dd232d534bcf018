package org.redstation.chat;

import java.time.LocalDateTime;

/** A keyword rule: {@code matchType} EXACT, CONTAINS or REGEX on the normalized text; {@code communityId} null = all. */
record ChatRule(long id, Long communityId, String matchType, String pattern, String reply, int priority,
                boolean enabled, String updatedBy, LocalDateTime updatedAt) {
}
