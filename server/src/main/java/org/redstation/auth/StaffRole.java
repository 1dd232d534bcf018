package org.redstation.auth;

/**
 * What a staff account may see and do. Stored by name in {@code staff_account.role}; the label is the
 * one shown to people.
 */
public enum StaffRole {
    /** Everything, in every community; the only role that creates administrators. */
    DISTRICT_ADMIN("区级管理员"),
    /** The communities of one street or town (街道/镇); creates community staff there. */
    STREET_ADMIN("街道管理员"),
    /** One community. */
    COMMUNITY_STAFF("社区工作人员");

    private final String label;

    StaffRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isAdministrator() {
        return this != COMMUNITY_STAFF;
    }

    /** Only district administrators create administrators; street administrators create community staff. */
    public boolean mayCreate(StaffRole other) {
        return switch (this) {
            case DISTRICT_ADMIN -> true;
            case STREET_ADMIN -> other == COMMUNITY_STAFF;
            case COMMUNITY_STAFF -> false;
        };
    }
}
