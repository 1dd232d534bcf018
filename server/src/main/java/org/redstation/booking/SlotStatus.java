package org.redstation.booking;

/** Whether a slot takes bookings, stored by name in {@code booking_slot.status}. */
enum SlotStatus {
    OPEN("开放预约"), CLOSED("已闭站");

    private final String label;

    SlotStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
