package org.redstation.duty;

/** A shift is open for claims until staff cancel it; stored by name in {@code duty_shift.status}. */
enum ShiftStatus {
    OPEN("可认领"), CANCELLED("已取消");

    private final String label;

    ShiftStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
