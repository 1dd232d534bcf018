package org.redstation.chat;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Renders {@link Answer} parts as text: for the official account with mini-program links (a slot opens the booking
 * form, a station its page), for mini-program customer service as plain text (the cards live on the assistant page).
 */
@Component
class AnswerText {
    private final MiniLinks links;

    AnswerText(MiniLinks links) {
        this.links = links;
    }

    /** One official-account text. */
    String mp(Answer a) {
        return render(a, true);
    }

    /** One customer-service text of the mini-program (no links). */
    String plain(Answer a) {
        return render(a, false);
    }

    private String render(Answer a, boolean withLinks) {
        StringBuilder b = new StringBuilder();
        for (Answer.Part p : a.parts()) {
            String s = part(p, withLinks);
            if (s == null || s.isEmpty()) {
                continue;
            }
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(s);
        }
        return b.toString();
    }

    private String part(Answer.Part p, boolean withLinks) {
        if (p instanceof Answer.Text t) {
            return t.text();
        }
        if (p instanceof Answer.HandOff h) {
            return h.text();
        }
        if (p instanceof Answer.AskLocation l) {
            return l.text() + (withLinks ? "（点击输入框旁的“+”→“位置”发送）" : "");
        }
        if (p instanceof Answer.Chips c) {
            return "可以回复：" + String.join(" / ", c.chips());
        }
        if (p instanceof Answer.StationCard s) {
            return s.name() + "\n" + s.statusName() + " · " + s.communityName() + "\n地址：" + s.address()
                    + (s.phone() == null ? "" : "\n电话：" + s.phone()) + (s.note() == null ? "" : "\n" + s.note())
                    + (withLinks ? "\n" + links.station(s.stationId(), "查看驿站") : "");
        }
        if (p instanceof Answer.SlotCard s) {
            return "· " + day(s.date()) + " " + s.start() + "-" + s.end() + " " + s.stationName()
                    + (s.serviceName() == null ? "" : " " + s.serviceName())
                    + (s.seatsLeft() > 0 ? " 余" + s.seatsLeft() + "位" : " 已满" + (s.waitlistOpen() ? "（可候补）" : ""))
                    + (withLinks ? " " + links.page(MiniLinks.bookingForm(s), "点此预约") : "");
        }
        if (p instanceof Answer.BookingCard k) {
            return "· " + day(k.date()) + " " + k.start() + "-" + k.end() + " " + k.stationName() + " "
                    + k.serviceName() + "（" + k.statusName() + "）";
        }
        if (p instanceof Answer.DutyCard d) {
            return "当前值班：" + (d.people().isEmpty() ? "暂无"
                    : String.join("、", d.people().stream().map(x -> x.maskedName()
                    + (x.organisation() == null ? "" : "（" + x.organisation() + "）")).toList()));
        }
        return null;
    }

    /** "12月3日（周三）". */
    static String day(String isoDate) {
        LocalDate d = LocalDate.parse(isoDate);
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日（周" + "一二三四五六日".charAt(d.getDayOfWeek().getValue() - 1) + "）";
    }
}
