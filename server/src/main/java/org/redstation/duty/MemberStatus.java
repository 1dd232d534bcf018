package org.redstation.duty;

/** Where a double-report registration (双报到登记) stands; stored by name in {@code party_member.status}. */
enum MemberStatus {
    PENDING("待审核"), APPROVED("已通过"), REJECTED("未通过");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Only approved members claim shifts, check in and keep a resource list for dispatch. */
    boolean mayServe() {
        return this == APPROVED;
    }

    /** A rejected registration may be submitted again; a pending or approved one may not. */
    boolean mayReapply() {
        return this == REJECTED;
    }

    /** Staff review (approve / reject) applies to pending registrations only. */
    boolean awaitsReview() {
        return this == PENDING;
    }
}
