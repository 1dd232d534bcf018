package org.redstation.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redstation.booking.BookingQueries.UpcomingBooking;
import org.redstation.duty.DutyCommands.CheckInOutcome;
import org.redstation.duty.DutyCommands.CheckOutOutcome;
import org.redstation.duty.DutyCommands.ShiftSummary;

/** The chat module's rules and texts, without a database. */
class ChatRulesTest {

    private static ChatRule rule(long id, Long community, RuleMatchType type, String pattern, String reply, int priority) {
        ChatRule r = new ChatRule();
        r.setId(id);
        r.setCommunityId(community);
        r.setMatchType(type);
        r.setPattern(pattern);
        r.setReply(reply);
        r.setPriority(priority);
        r.setEnabled(true);
        return r;
    }

    @Test
    void matchTypesCompareNormalizedText() {
        assertThat(RuleMatchType.EXACT.matches("帮助", "帮助", null)).isTrue();
        assertThat(RuleMatchType.EXACT.matches("帮助我", "帮助", null)).isFalse();
        assertThat(RuleMatchType.CONTAINS.matches("请问停车怎么收费", "停车", null)).isTrue();
        assertThat(RuleMatchType.CONTAINS.matches("anything", "", null)).isFalse();
        assertThat(RuleMatchType.REGEX.matches("我想开个证明", "", com.google.re2j.Pattern.compile("(办|开)(个)?证明"))).isTrue();
        assertThat(RuleMatchType.REGEX.matches("x", "", null)).as("a pattern that did not compile never matches").isFalse();
        assertThat(RuleMatchType.parse("FUZZY")).isNull();
    }

    @Test
    void communityRulesWinOverDistrictRulesThenExactBeforeRegexBeforeContainsThenPriority() {
        RuleBook book = new RuleBook(List.of(
                rule(1, null, RuleMatchType.CONTAINS, "停车", "district contains", 100),
                rule(2, null, RuleMatchType.EXACT, "停车", "district exact", 0),
                rule(3, 7L, RuleMatchType.CONTAINS, "停车", "community 7", 0),
                rule(4, null, RuleMatchType.CONTAINS, "收费", "low", 1),
                rule(5, null, RuleMatchType.CONTAINS, "收费", "high", 9),
                rule(6, null, RuleMatchType.REGEX, "(unclosed", "broken", 99)));
        assertThat(book.match("停车", 7L)).contains("community 7");
        assertThat(book.match("停车", 8L)).contains("district exact");
        assertThat(book.match("停车？", null)).as("punctuation is ignored").contains("district exact");
        assertThat(book.match("停车收费", null)).contains("district contains");
        assertThat(book.match("收费标准", null)).contains("high");
        assertThat(book.match("（unclosed", null)).isEmpty();
        assertThat(book.match("　", null)).isEmpty();
    }

    @Test
    void aCatastrophicRegexAgainstALongTextReturnsPromptly() {
        // (a+)+$ against "aaa…ab" takes exponential time with java.util.regex; RE2/J is linear in the text
        RuleBook book = new RuleBook(List.of(rule(1, null, RuleMatchType.REGEX, "(a+)+$", "never", 0)));
        String text = "a".repeat(100_000) + "!b";
        java.util.concurrent.CompletableFuture<java.util.Optional<String>> answer =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> book.match(text, null));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(answer::isDone);
        assertThat(answer.join()).isEmpty();
    }

    @Test
    void patternsRe2CannotRunInLinearTimeAreRefused() {
        assertThat(RuleBook.compile("(a)\\1")).as("backreference").isNull();
        assertThat(RuleBook.compile("foo(?=bar)")).as("lookahead").isNull();
        assertThat(RuleBook.compile("(a+)+$")).as("nested quantifiers are fine in RE2").isNotNull();
        assertThat(RuleBook.compile("(办|开)(个|一个)?证明.*")).isNotNull();
    }

    @Test
    void onlyOpenConversationsTakeReplies() {
        assertThat(ConversationStatus.OPEN.acceptsReplies()).isTrue();
        assertThat(ConversationStatus.CLOSED.acceptsReplies()).isFalse();
        assertThat(ConversationStatus.listFilter("CLOSED")).isEqualTo(ConversationStatus.CLOSED);
        assertThat(ConversationStatus.listFilter(null)).isEqualTo(ConversationStatus.OPEN);
        ConversationRow c = new ConversationRow();
        c.setStatus(ConversationStatus.OPEN);
        assertThat(c.assignmentFor(5)).isEqualTo("（未接单）");
        c.setAssignedStaffId(5L);
        assertThat(c.assignmentFor(5)).isEqualTo("（我已接单）");
        assertThat(c.assignmentFor(6)).isEqualTo("（他人已接单）");
    }

    @Test
    void deliveriesRetryWeChatBusyErrorsForHoursWithBackOffAndNeverUserRefusals() {
        ChatProperties props = ChatProperties.defaults();
        org.redstation.common.RetryPolicy p = props.retry();
        assertThat(DeliveryStatus.afterFailure(-1, 1, p)).isEqualTo(DeliveryStatus.PENDING);
        assertThat(DeliveryStatus.afterFailure(-99, 1, p)).as("HTTP 500 from WeChat").isEqualTo(DeliveryStatus.PENDING);
        assertThat(DeliveryStatus.afterFailure(45009, 5, p)).as("the old give-up point, ~15 s").isEqualTo(DeliveryStatus.PENDING);
        assertThat(DeliveryStatus.afterFailure(45009, 13, p)).isEqualTo(DeliveryStatus.PENDING);
        assertThat(DeliveryStatus.afterFailure(45009, 14, p)).isEqualTo(DeliveryStatus.FAILED);
        assertThat(DeliveryStatus.afterFailure(null, 1, p)).as("network trouble").isEqualTo(DeliveryStatus.PENDING);
        assertThat(DeliveryStatus.afterFailure(43004, 1, p)).as("the resident unfollowed").isEqualTo(DeliveryStatus.FAILED);
        assertThat(p.delayAfter(1)).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(p.delayAfter(2)).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(p.delayAfter(12)).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(p.retriedFor()).isGreaterThan(java.time.Duration.ofHours(4));
        assertThat(DeliveryKind.NOTICE.fallsBackToTemplate()).isFalse();
        assertThat(DeliveryKind.REPLY.fallsBackToTemplate()).isTrue();
        assertThat(DeliveryKind.REPLY.toStaff()).isFalse();
        assertThat(MessageDelivery.sentBy(DeliveryChannel.TEMPLATE)).isEqualTo(MessageDelivery.TEMPLATE);
    }

    @Test
    void everyStatusAndKindHasAChineseLabel() throws Exception {
        for (Class<?> type : List.of(ConversationStatus.class, MessageDirection.class, MessageDelivery.class, DeliveryChannel.class,
                DeliveryKind.class, DeliveryStatus.class, RuleMatchType.class)) {
            java.lang.reflect.Method label = type.getDeclaredMethod("label");
            for (Object v : type.getEnumConstants()) {
                assertThat((String) label.invoke(v)).as(v.toString()).matches(".*\\p{IsHan}.*");
            }
        }
    }

    @Test
    void myBookingsListsDateWeekdayTimeStationServiceAndWaitlistPlace() {
        UpcomingBooking confirmed = new UpcomingBooking(1, LocalDate.of(2025, 12, 1), LocalTime.of(18, 0), LocalTime.of(19, 0),
                "春园社区红色驿站", "水电代办代缴", "CONFIRMED", "已预约", null);
        UpcomingBooking waiting = new UpcomingBooking(2, LocalDate.of(2025, 12, 6), LocalTime.of(9, 0), LocalTime.of(10, 0),
                "春园社区红色驿站", "健康咨询", "WAITING", "候补中", 2);
        assertThat(BookingReplies.upcoming(List.of(confirmed, waiting))).isEqualTo("您有2个待参加的预约：\n"
                + "1. 12月1日（周一）18:00-19:00 春园社区红色驿站 水电代办代缴（已预约）\n"
                + "2. 12月6日（周六）09:00-10:00 春园社区红色驿站 健康咨询（候补中第2位）\n"
                + "取消或查看详情请进入小程序“我的预约”。");
        assertThat(BookingReplies.upcoming(List.of())).contains("没有待参加的预约");
    }

    @Test
    void officialAccountCheckInWithoutProofAnswersWithALinkToTheDutyPage() {
        CheckInOutcome proof = new CheckInOutcome(false, null, null, null, null, "请打开小程序“我的值班”页面", false,
                "pages/duty/mine/index");
        assertThat(DutyReplies.checkIn(proof, page -> "<a data-miniprogram-path=\"" + page + "\">打开值班签到</a>"))
                .isEqualTo("请打开小程序“我的值班”页面\n<a data-miniprogram-path=\"pages/duty/mine/index\">打开值班签到</a>");
        assertThat(DutyReplies.checkIn(new CheckInOutcome(true, "春园社区红色驿站", "晚间值守", "18:00", "19:00", null, false, null)))
                .startsWith("签到成功！").contains("未核验");
    }

    @Test
    void dutyRepliesSayWhatHappenedOrWhyNot() {
        assertThat(DutyReplies.checkIn(new CheckInOutcome(true, "春园社区红色驿站", "晚间值守", "18:00", "19:00", null)))
                .isEqualTo("签到成功！春园社区红色驿站 晚间值守 18:00-19:00，辛苦了");
        assertThat(DutyReplies.checkIn(new CheckInOutcome(false, null, null, null, null, "没有可签到的值班班次")))
                .isEqualTo("没有可签到的值班班次");
        assertThat(DutyReplies.checkOut(new CheckOutOutcome(true, "春园社区红色驿站", 55, 175, null)))
                .isEqualTo("签退成功！本次服务55分钟，累计服务175分钟，感谢您的奉献");
        assertThat(DutyReplies.checkOut(new CheckOutOutcome(false, null, 0, 0, "您还没有签到，不能签退"))).isEqualTo("您还没有签到，不能签退");
        assertThat(DutyReplies.myShifts(List.of())).contains("没有认领");
        List<ShiftSummary> many = java.util.stream.IntStream.range(0, 7).mapToObj(i -> new ShiftSummary(i, LocalDate.of(2025, 12, 1 + i),
                "18:00", "19:00", "春园社区红色驿站", "晚间值守", "待值班", false)).toList();
        assertThat(DutyReplies.myShifts(many)).startsWith("您近期的值班：\n2025-12-01 18:00-19:00 春园社区红色驿站 晚间值守（待值班）")
                .hasLineCount(1 + DutyReplies.SHOWN);
    }

    @Test
    void nothingAdvertisesTheWishesFeatureBeforeItExists() {
        assertThat(BotTexts.WELCOME).doesNotContain("心愿");
        assertThat(BotTexts.WELCOME).contains("附近驿站", "我的预约", "签到");
    }
}
