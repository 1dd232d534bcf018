package org.redstation.duty;

/**
 * Published (after commit) when a shift starting within the next 24 hours still has empty seats; the chat module may
 * forward it to the community's staff. {@code start}/{@code end} are "yyyy-MM-dd HH:mm".
 */
public record ShiftUnderstaffed(long shiftId, long stationId, String stationName, long communityId, String roleName,
                                String start, String end, int seats, int taken) {
}
