package org.redstation.chat;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.util.stream.Collectors;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.redstation.wish.WishIntake;
import org.redstation.wish.WishIntake.Turned;
import org.springframework.stereotype.Service;

/**
 * 转心愿: a conversation's resident text messages become a need of that resident through wish's public
 * {@link WishIntake} (chat never writes wish's tables). Only a resident known in the mini-program (unionid linked,
 * {@code app_user_id}, linked now if it was not yet) can own a need; others are refused with 422 and told to post it themselves.
 */
@Service
class ConversationWishes {
    private final Conversations conversations;
    private final MessageMapper messages;
    private final WishIntake intake;
    private final ChatUsers users;

    ConversationWishes(Conversations conversations, MessageMapper messages, WishIntake intake, ChatUsers users) {
        this.users = users;
        this.conversations = conversations;
        this.messages = messages;
        this.intake = intake;
    }

    static String answer(Turned t) {
        return t.created() ? "已转为心愿 #" + t.wishId() : "该会话已转为心愿 #" + t.wishId();
    }

    /** Not one transaction here: linking may call WeChat; the need is written in {@link WishIntake}'s transaction. */
    public Turned turn(CurrentStaff staff, long conversationId, String category) {
        ConversationRow c = conversations.visible(staff, conversationId);
        Long appUserId = c.getAppUserId() != null ? c.getAppUserId()
                : users.find(c.getOpenid()).map(users::link).map(ChatUsers.ChatUser::appUserId).orElse(null);
        if (appUserId == null) {
            throw new BizException(ChatError.CONVERSATION_NO_APP_USER);
        }
        String text = messages.selectList(new LambdaQueryWrapper<MessageRow>()
                        .eq(MessageRow::getConversationId, conversationId).eq(MessageRow::getDirection, MessageDirection.IN)
                        .eq(MessageRow::getMsgType, "text").orderByAsc(MessageRow::getId))
                .stream().map(MessageRow::getContent).filter(s -> s != null && !s.isBlank()).map(String::strip)
                .collect(Collectors.joining("\n"));
        return intake.fromConversation(staff, conversationId, appUserId, c.getCommunityId(), category, text);
    }
}
