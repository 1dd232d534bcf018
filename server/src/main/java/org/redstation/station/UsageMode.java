package org.redstation.station;

/** How residents use a catalogue service; stored as the name in {@code service_item.usage_mode}. */
public enum UsageMode {
    SELF_SERVICE("自助"), STAFFED("人工服务"), BOOKABLE("可预约");

    private final String label;

    UsageMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
