package org.redstation.common;

/**
 * The mini-program pages the server links to (subscribe messages, QR codes, bot links, menus), in one place.
 * {@code MiniProgramPagesTest} checks each against miniprogram/miniprogram/app.json, so a moved page fails the build.
 */
public final class MiniProgramPages {
    public static final String HOME = "pages/home/index/index";
    public static final String STATION = "pages/station/detail/index";
    public static final String BOOKING_SLOTS = "pages/booking/slots/index";
    public static final String BOOKING_FORM = "pages/booking/form/index";
    /** The assistant's conversation thread (bot and staff). */
    public static final String ASSISTANT = "pages/assistant/chat/index";
    public static final String BOOKING_MINE = "pages/booking/mine/index";
    public static final String DUTY_MINE = "pages/duty/mine/index";
    public static final String MEMBER_CENTER = "pages/member/center/index";
    public static final String MEMBER_REGISTER = "pages/member/register/index";

    private MiniProgramPages() {
    }
}
