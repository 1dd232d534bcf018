package org.redstation.nlu;

/** What a resident's message asks for, with its one Chinese label. */
public enum Intent {
    FIND_STATION("找驿站"),
    OPENING_HOURS("开放时间"),
    STATION_SERVICES("驿站服务"),
    BOOK_SLOT("预约服务"),
    MY_BOOKINGS("我的预约"),
    CANCEL_BOOKING("取消预约"),
    WHO_ON_DUTY("谁在值班"),
    MEMBER_CHECK_IN("党员签到"),
    MEMBER_CHECK_OUT("党员签退"),
    MY_SHIFTS("我的值班"),
    TALK_TO_PERSON("转人工"),
    REPORT_PROBLEM("反映问题"),
    HELP("问候与帮助"),
    UNKNOWN("没听懂");

    private final String label;

    Intent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Problems, requests for a person and anything not understood go to the community's staff. */
    public boolean forwardsToStaff() {
        return this == REPORT_PROBLEM || this == TALK_TO_PERSON || this == UNKNOWN;
    }
}
