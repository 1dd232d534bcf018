package org.redstation.station;

/** What other modules need to know about a station. {@code status}: OPEN, PAUSED or CLOSED. */
public record StationRef(long id, String code, String name, long communityId, String communityName, String address,
                         double latitude, double longitude, String status) {
    public boolean isOpen() {
        return "OPEN".equals(status);
    }
}
