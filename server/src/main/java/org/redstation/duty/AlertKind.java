package org.redstation.duty;

/** Staff alerts about the rota; stored by name in {@code duty_alert.kind} (unique per kind, shift and claim). */
enum AlertKind {
    UNDERSTAFFED("班次缺人"),
    /** A check-in without the station code or a location, at a station that allows it (one per claim). */
    UNVERIFIED_CHECKIN("未核验签到");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
