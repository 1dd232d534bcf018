package org.redstation.station;

/** What other modules need to know about a station. {@code status}: a {@link StationStatus} name. */
public record StationRef(long id, String code, String name, long communityId, String communityName, String address,
                         double latitude, double longitude, String status) {
    public StationStatus statusValue() {
        return StationStatus.valueOf(status);
    }

    /** The status's one Chinese label (开放中, 暂停服务, 已关闭). */
    public String statusLabel() {
        return statusValue().label();
    }

    public boolean isOpen() {
        return statusValue() == StationStatus.OPEN;
    }
}
