package org.redstation.duty;

/** A member's claim on a shift; stored by name in {@code duty_claim.status}. */
enum ClaimStatus {
    /** Holds a seat (active_shift = shift_id, so the unique key stops a second active claim). */
    ACTIVE("已认领"),
    /** The member gave the seat back before the cut-off. */
    RELEASED("已取消认领"),
    /** Staff cancelled the whole shift. */
    CANCELLED("社区已取消");

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean holdsSeat() {
        return this == ACTIVE;
    }
}
