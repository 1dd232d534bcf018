package org.redstation.common;

/**
 * Kinds of opening windows and booking slots, with their one Chinese label. Stored as the enum name
 * in {@code station_hours.kind}, {@code booking_rule.kind} and {@code booking_slot.kind}.
 */
public enum SlotKind {
    REGULAR("常规"),
    EVENING_EXTRA("晚间一小时"),
    RED_WEEKEND("红色周末"),
    OTHER("其他");

    private final String label;

    SlotKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Opening-hours windows use REGULAR, EVENING_EXTRA, RED_WEEKEND. */
    public boolean allowedForHours() {
        return this != OTHER;
    }

    /** Booking rules use EVENING_EXTRA, RED_WEEKEND, OTHER (regular hours need no booking). */
    public boolean allowedForBooking() {
        return this != REGULAR;
    }

    /** The kind named {@code name}, or null when it is none. */
    public static SlotKind parse(String name) {
        if (name == null) {
            return null;
        }
        for (SlotKind k : values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }
}
