package org.redstation.duty;

import java.util.Arrays;
import java.util.Optional;

/** Kind of a double-report Party organisation; stored by name in {@code duty_org.kind}. Declared in display order. */
enum OrgKind {
    COMMUNITY_BRANCH("社区党组织"), GENERAL_BRANCH("党总支"), UNIT_BRANCH("单位党支部");

    private final String label;

    OrgKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The kind a client sent, by its stored name; empty for anything else. */
    static Optional<OrgKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
