package org.redstation.station;

import java.util.EnumSet;
import java.util.Set;

/** Whether a station serves residents; stored as the name in {@code station.status}. The one place of its labels. */
public enum StationStatus {
    OPEN("开放中"), PAUSED("暂停服务"), CLOSED("已关闭");

    private static final Set<StationStatus> LISTED = EnumSet.of(OPEN, PAUSED);
    private final String label;

    StationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Residents see the station (view, nearby, search): a paused station shows its notice, a closed one is gone. */
    public boolean visibleToResidents() {
        return this != CLOSED;
    }

    /** Only an open station can be open now, whatever its hours say. */
    public boolean mayBeOpenNow() {
        return this == OPEN;
    }

    /** The statuses residents see, for {@code status IN (...)} filters. */
    public static Set<StationStatus> listed() {
        return LISTED;
    }

    /** The status named {@code name}, or null when it is none. */
    public static StationStatus parse(String name) {
        for (StationStatus s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
