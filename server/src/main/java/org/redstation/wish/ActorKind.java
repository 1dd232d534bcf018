package org.redstation.wish;

/** Who acts on a need: the resident who posted it, community staff, the assignee, or the system (escalation). */
enum ActorKind {
    RESIDENT("居民"), STAFF("社区工作人员"), ASSIGNEE("接单方"), SYSTEM("系统");

    private final String label;

    ActorKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
