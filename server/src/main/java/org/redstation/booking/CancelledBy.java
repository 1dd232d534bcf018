package org.redstation.booking;

/** Who cancelled a booking, stored by name in {@code booking.cancelled_by}. */
enum CancelledBy {
    RESIDENT("本人取消"), STAFF("工作人员取消"), CLOSURE("闭站取消");

    private final String label;

    CancelledBy(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
