package org.redstation.chat;

import java.util.List;
import org.redstation.duty.DutyCommands.CheckInOutcome;
import org.redstation.duty.DutyCommands.CheckOutOutcome;
import org.redstation.duty.DutyCommands.ShiftSummary;

/** The Chinese texts of "签到", "签退" and "我的值班", from the duty module's data. Pure, unit-tested. */
final class DutyReplies {
    static final int SHOWN = 5;

    private DutyReplies() {
    }

    static String checkIn(CheckInOutcome o) {
        return checkIn(o, page -> null);
    }

    /** {@code link}: a page path to a mini-program link (null = no link); used when proof must be given there. */
    static String checkIn(CheckInOutcome o, java.util.function.Function<String, String> link) {
        if (!o.done()) {
            String a = o.proofPage() == null ? null : link.apply(o.proofPage());
            return a == null ? o.refusal() : o.refusal() + "\n" + a;
        }
        return "签到成功！" + o.stationName() + " " + o.roleName() + " " + o.start() + "-" + o.end() + "，辛苦了"
                + (o.verified() ? "" : "（未扫码、未定位，本次服务时长将标注为未核验）");
    }

    static String checkOut(CheckOutOutcome o) {
        if (!o.done()) {
            return o.refusal();
        }
        return "签退成功！本次服务" + o.minutes() + "分钟，累计服务" + o.totalMinutes() + "分钟，感谢您的奉献";
    }

    static String myShifts(List<ShiftSummary> shifts) {
        if (shifts.isEmpty()) {
            return "您近期没有认领的值班班次。可在小程序“值班”页面认领。";
        }
        StringBuilder b = new StringBuilder("您近期的值班：");
        shifts.stream().limit(SHOWN).forEach(s -> b.append('\n').append(s.date()).append(' ').append(s.start()).append('-')
                .append(s.end()).append(' ').append(s.stationName()).append(' ').append(s.roleName())
                .append('（').append(s.statusLabel()).append('）'));
        return b.toString();
    }
}
