package org.redstation.chat;

import java.util.List;
import org.redstation.booking.BookingQueries;
import org.redstation.duty.DutyCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bot commands other modules answer: "我的预约" (booking), "签到" / "签退" / "我的值班" (duty). */
@Configuration(proxyBeanMethods = false)
class ModuleBotCommands {
    static final String NOT_LINKED = "请先在微信小程序“红色驿站”中登录一次，之后就可以在这里直接查询和办理了。";

    @Bean
    BotCommand myBookingsBotCommand(BookingQueries bookings) {
        return command(List.of("我的预约"), (user, text) -> bookings.myBookingsText(user.appUserId()));
    }

    @Bean
    BotCommand dutyBotCommands(DutyCommands duty) {
        return command(List.of("签到", "签退", "我的值班"), (user, text) -> switch (TextNormalizer.normalize(text)) {
            case "签到" -> duty.checkIn(user.appUserId());
            case "签退" -> duty.checkOut(user.appUserId());
            default -> duty.myShifts(user.appUserId());
        });
    }

    private interface LinkedReply {
        String reply(BotUser user, String text);
    }

    /** A command that needs the official-account user linked to a mini-program user (same unionid). */
    private static BotCommand command(List<String> keywords, LinkedReply reply) {
        return new BotCommand() {
            @Override
            public List<String> keywords() {
                return keywords;
            }

            @Override
            public String reply(BotUser user, String text) {
                return user.linked() ? reply.reply(user, text) : NOT_LINKED;
            }
        };
    }
}
