package org.redstation.duty;

import java.util.Arrays;
import java.util.Optional;

/** What a member offers on the resource list (资源清单); stored by name in {@code member_resource.category}. */
enum ResourceCategory {
    LEGAL("法律咨询"), MEDICAL("医疗健康"), TUTORING("课业辅导"), REPAIR("维修服务"), CULTURE("文体活动"),
    POLICY("政策宣讲"), OTHER("其他");

    /** A member lists at most this many resources. */
    static final int MAX_PER_MEMBER = 20;

    private final String label;

    ResourceCategory(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Optional<ResourceCategory> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
