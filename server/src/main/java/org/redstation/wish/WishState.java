package org.redstation.wish;

import java.util.EnumSet;
import java.util.Set;

/** The states of a need or wish; the transitions between them are {@link WishAction}'s table. */
enum WishState {
    SUBMITTED("待派单"), DISPATCHED("待接单"), ACCEPTED("办理中"), COMPLETED("待评价"), CLOSED("已办结"),
    MERGED("已合并"), CANCELLED("已撤回");

    /** States in which someone still has to act (counted as load, escalated when they last too long). */
    static final Set<WishState> OPEN = EnumSet.of(SUBMITTED, DISPATCHED, ACCEPTED);

    private final String label;

    WishState(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Done by the assignee (completed, whether rated yet or not): what the figures count as completed. */
    boolean isDone() {
        return this == COMPLETED || this == CLOSED;
    }
}
