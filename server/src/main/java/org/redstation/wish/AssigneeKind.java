package org.redstation.wish;

/** Who a need is dispatched to. */
public enum AssigneeKind {
    ORG("党组织"), TEAM("志愿服务队"), MEMBER("党员");

    private final String label;

    AssigneeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
