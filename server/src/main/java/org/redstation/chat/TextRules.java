package org.redstation.chat;

/**
 * The order of the {@link TextRule} beans ({@code @Order} values). Staff commands come before keyword rules so
 * that a reply like "#12 充电桩修好了" is never answered by a keyword rule; keyword rules come before the
 * built-in words so staff can override them (e.g. "帮助").
 */
final class TextRules {
    /** Empty or too long. */
    static final int INPUT_CHECK = 0;
    /** "绑定 123456", "#12 内容", "待回复", "接单 12", "关闭 12", "转心愿 12", "解绑". */
    static final int STAFF_COMMANDS = 100;
    /** The answer to "请回复您所在的社区". */
    static final int COMMUNITY_ANSWER = 200;
    /** {@link BotCommand} beans: "我的预约", "签到", "签退", "我的值班". */
    static final int MODULE_COMMANDS = 300;
    /** chat_rule rows matched EXACT or REGEX. */
    static final int KEYWORD_RULES = 400;
    /** Free text understood by the intent parser: after staff commands, before CONTAINS keyword rules. */
    static final int UNDERSTANDING = 450;
    /** chat_rule rows matched CONTAINS (they would swallow real requests before the parser). */
    static final int CONTAINS_RULES = 460;
    /** 帮助/菜单, 附近驿站, 预约. */
    static final int BUILT_IN_WORDS = 500;
    /** A station's name or code. */
    static final int STATION_NAME = 600;
    /** Anything else goes to the resident's community staff. */
    static final int FORWARD_TO_STAFF = 1000;

    private TextRules() {
    }
}
