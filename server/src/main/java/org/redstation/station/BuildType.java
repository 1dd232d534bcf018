package org.redstation.station;

/** How a station came about; stored as the name in {@code station.build_type}. */
enum BuildType {
    REBUILT("改建"), CO_BUILT("共建"), NEW("新建");

    private final String label;

    BuildType(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** A co-built station names its partner unit; the others have none. */
    boolean hasPartnerUnit() {
        return this == CO_BUILT;
    }
}
