package org.redstation.wish;

/** What a resident asks for; {@code skill} matches resource-list categories, {@code team} a volunteer team's field. */
enum WishCategory {
    REPAIR("维修帮扶", "REPAIR", TeamCategory.CIVILISATION),
    TUTORING("学业辅导", "TUTORING", TeamCategory.CULTURE_SPORTS),
    ELDERLY("助老助残", "ELDERLY", TeamCategory.CIVILISATION),
    MEDICAL("医疗健康", "MEDICAL", TeamCategory.MEDICAL),
    LEGAL("法律咨询", "LEGAL", TeamCategory.LEGAL_AID),
    DISPUTE("矛盾调解", "LEGAL", TeamCategory.LEGAL_AID),
    ENVIRONMENT("环境卫生", "ENVIRONMENT", TeamCategory.ENVIRONMENT),
    SAFETY("治安安全", "SAFETY", TeamCategory.PATROL),
    CULTURE("文体活动", "CULTURE", TeamCategory.CULTURE_SPORTS),
    OTHER("其他", "OTHER", null);

    private final String label;
    private final String skill;
    private final TeamCategory team;

    WishCategory(String label, String skill, TeamCategory team) {
        this.label = label;
        this.skill = skill;
        this.team = team;
    }

    String label() {
        return label;
    }

    /** By stored name or Chinese label (what staff type after 转心愿); empty for anything else. */
    static java.util.Optional<WishCategory> parse(String s) {
        String t = s == null ? "" : s.strip();
        return java.util.Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(t) || c.label.equals(t)).findFirst();
    }

    /** A resource-list entry or team field fits this need. */
    boolean matchesSkill(String s) {
        return s != null && skill.equalsIgnoreCase(s.trim());
    }

    boolean matchesTeam(TeamCategory c) {
        return team != null && team == c;
    }
}
