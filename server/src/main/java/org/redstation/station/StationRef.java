package org.redstation.station;

/**
 * What other modules need to know about a station. {@code status}: a {@link StationStatus} name.
 * {@code allowUnverifiedCheckin}: a duty check-in without the station's code or a location is allowed (and flagged).
 */
public record StationRef(long id, String code, String name, long communityId, String communityName, String address,
                         double latitude, double longitude, String status, String phone, boolean allowUnverifiedCheckin) {
    /** Check-in needs proof (the default). */
    public StationRef(long id, String code, String name, long communityId, String communityName, String address,
                      double latitude, double longitude, String status, String phone) {
        this(id, code, name, communityId, communityName, address, latitude, longitude, status, phone, false);
    }

    /** Without a phone number (phone: the station's, else its community's; residents call it). */
    public StationRef(long id, String code, String name, long communityId, String communityName, String address,
                      double latitude, double longitude, String status) {
        this(id, code, name, communityId, communityName, address, latitude, longitude, status, null);
    }

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
