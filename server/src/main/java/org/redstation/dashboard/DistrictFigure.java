package org.redstation.dashboard;

/**
 * The figures the district reports (the source article, /work/shared/domain.md), each with its one Chinese label and
 * the reported value; {@code live} = the system holds data for it (all of them since the wish module records needs,
 * projects and volunteers).
 */
enum DistrictFigure {
    COMMUNITIES("社区", 47, true),
    GENERAL_BRANCHES("双报到党总支", 21, true),
    BRANCHES("双报到党支部", 181, true),
    MEMBERS_REPORTED("报到党员", 15013, true),
    RESOURCE_ITEMS("党员资源清单", 1126, true),
    NEEDS("居民需求清单", 748, true),
    PROJECTS("为民服务项目", 317, true),
    PROJECTS_COMPLETED("已完成项目", 208, true),
    VOLUNTEER_TEAMS("志愿服务队", 161, true),
    VOLUNTEERS("注册志愿者", 24079, true);

    private final String label;
    private final long reported;
    private final boolean live;

    DistrictFigure(String label, long reported, boolean live) {
        this.label = label;
        this.reported = reported;
        this.live = live;
    }

    String label() {
        return label;
    }

    long reported() {
        return reported;
    }

    boolean live() {
        return live;
    }
}
