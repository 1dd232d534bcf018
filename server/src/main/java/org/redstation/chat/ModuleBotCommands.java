package org.redstation.chat;

import java.util.List;
import java.util.function.Function;
import org.redstation.booking.BookingQueries;
import org.redstation.common.BizException;
import org.redstation.duty.DutyCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bot commands answered with other modules' data: "我的预约" (booking), "签到" / "签退" / "我的值班" (duty).
 * Those modules return data; the texts are written here ({@link BookingReplies}, {@link DutyReplies}).
 */
@Configuration(proxyBeanMethods = false)
class ModuleBotCommands {
    static final String NOT_LINKED = "请先在微信小程序“红色驿站”中登录一次，之后就可以在这里直接查询和办理了。";

    @Bean
    BotCommand myBookingsCommand(BookingQueries bookings) {
        return linked("我的预约", userId -> BookingReplies.upcoming(bookings.upcoming(userId, BookingReplies.SHOWN)));
    }

    @Bean
    BotCommand checkInCommand(DutyCommands duty, MiniLinks links) {
        return linked("签到", userId -> DutyReplies.checkIn(duty.checkIn(userId), page -> links.page(page, "打开值班签到")));
    }

    @Bean
    BotCommand checkOutCommand(DutyCommands duty) {
        return linked("签退", userId -> DutyReplies.checkOut(duty.checkOut(userId)));
    }

    @Bean
    BotCommand myShiftsCommand(DutyCommands duty) {
        return linked("我的值班", userId -> DutyReplies.myShifts(duty.myShifts(userId)));
    }

    /**
     * A command for followers linked to a mini-program user (same unionid); others are asked to log in once.
     * A business refusal (e.g. not a party member) becomes the answer.
     */
    private static BotCommand linked(String keyword, Function<Long, String> reply) {
        return new BotCommand() {
            @Override
            public List<String> keywords() {
                return List.of(keyword);
            }

            @Override
            public String reply(BotUser user, String text) {
                if (!user.linked()) {
                    return NOT_LINKED;
                }
                try {
                    return reply.apply(user.appUserId());
                } catch (BizException e) {
                    return e.userMessage();
                }
            }
        };
    }
}
