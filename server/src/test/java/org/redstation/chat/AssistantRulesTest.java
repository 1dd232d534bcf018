package org.redstation.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redstation.nlu.When;

/** The assistant's rules without a database: working hours, scenes, slot fitting, rendering for the official account. */
class AssistantRulesTest {
    private final WorkingHours hours = new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0), LocalTime.of(18, 0));

    @Test
    void outsideWorkingHoursResidentsAreToldWhenStaffReply() {
        LocalDateTime wednesdayNoon = LocalDateTime.of(2025, 11, 26, 12, 0);
        assertThat(hours.offHoursNotice(wednesdayNoon)).isNull();
        assertThat(hours.offHoursNotice(wednesdayNoon.withHour(20))).contains("明天（周四）09:00");
        assertThat(hours.offHoursNotice(wednesdayNoon.withHour(7))).contains("今天（周三）09:00");
        assertThat(hours.offHoursNotice(LocalDateTime.of(2025, 11, 28, 19, 0))).contains("12月1日（周一）09:00");
    }

    @Test
    void onlyStationScenesOfTheAccountCodeAreRead() {
        assertThat(StationScene.code("qrscene_st=CY01")).contains("CY01");
        assertThat(StationScene.code("st=CY01")).contains("CY01");
        assertThat(StationScene.code("qrscene_other")).isEmpty();
        assertThat(StationScene.code("st=")).isEmpty();
        assertThat(StationScene.code(null)).isEmpty();
    }

    @Test
    void aSlotFitsTheDayAndTimeSaid() {
        LocalDate d = LocalDate.of(2025, 11, 27);
        When tomorrowEvening = new When(d, d, LocalTime.of(18, 0), LocalTime.of(22, 0), false);
        assertThat(IntentAnswers.fits(d, LocalTime.of(19, 0), LocalTime.of(20, 0), tomorrowEvening)).isTrue();
        assertThat(IntentAnswers.fits(d, LocalTime.of(9, 0), LocalTime.of(11, 30), tomorrowEvening)).isFalse();
        assertThat(IntentAnswers.fits(d.plusDays(1), LocalTime.of(19, 0), LocalTime.of(20, 0), tomorrowEvening)).isFalse();
        assertThat(IntentAnswers.fits(d, LocalTime.of(18, 0), LocalTime.of(19, 0),
                new When(null, null, LocalTime.of(18, 30), LocalTime.of(18, 30), false))).isTrue();
        assertThat(IntentAnswers.fits(d, LocalTime.of(9, 0), LocalTime.of(10, 0), null)).isTrue();
    }

    @Test
    void partsRenderAsOneOfficialAccountTextWithLinks() {
        AnswerText text = new AnswerText(new MiniLinks(new org.redstation.wechat.WeChatProperties(null, null,
                new org.redstation.wechat.WeChatProperties.MiniApp("wxapp", null, null, null, "release", "formal"), null, 0),
                ChatProperties.defaults()));
        Answer a = Answer.of(new Answer.Text("可以预约："),
                new Answer.SlotCard(7, 3, "春园社区红色驿站", 11L, "老年优待证办理", "2025-11-27", "19:00", "20:00", 2, true),
                new Answer.Chips(List.of("我的预约")), new Answer.HandOff(12, "已转给工作人员（会话 #12）"));
        String mp = text.mp(a);
        assertThat(mp).contains("11月27日（周四） 19:00-20:00 春园社区红色驿站 老年优待证办理 余2位",
                "pages/booking/form/index?stationId=3&slotId=7&serviceId=11", "可以回复：我的预约", "会话 #12");
        assertThat(text.plain(a)).doesNotContain("<a ").contains("余2位");
        assertThat(a.handedOff()).isTrue();
    }

    @Test
    void everyNewLabelIsChinese() {
        for (ChatChannel c : ChatChannel.values()) {
            assertThat(c.label()).matches("\\p{IsHan}+");
        }
        assertThat(MessageDirection.BOT.label()).isEqualTo("小助手回复");
        assertThat(MessageDelivery.sentBy(DeliveryChannel.SUBSCRIBE)).isEqualTo(MessageDelivery.THREAD);
    }
}
