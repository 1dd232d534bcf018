package org.redstation.duty;

/**
 * How a duty check-in was verified; stored by name in {@code duty_claim.checkin_verify} (NULL on check-ins made before
 * it was recorded). NONE is only possible at a station that allows check-in without proof, and is flagged to staff.
 */
enum CheckInVerify {
    /** The member scanned the station's code (scene st=CODE) of the claim's station. */
    STATION_CODE("扫驿站码"),
    /** The phone's location was within the allowed distance of the station. */
    LOCATION("定位"),
    /** Neither: counted apart as unverified hours. */
    NONE("未核验");

    static final String NOT_RECORDED = "未记录";

    private final String label;

    CheckInVerify(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean verified() {
        return this != NONE;
    }

    /** The code scanned wins over a location (a location given with a scan is still checked for distance). */
    static CheckInVerify of(boolean codeScanned, boolean locationGiven) {
        return codeScanned ? STATION_CODE : locationGiven ? LOCATION : NONE;
    }

    /** The label of a stored value, {@link #NOT_RECORDED} for NULL. */
    static String labelOf(CheckInVerify v) {
        return v == null ? NOT_RECORDED : v.label;
    }
}
