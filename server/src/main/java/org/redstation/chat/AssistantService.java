package org.redstation.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.springframework.stereotype.Service;

/**
 * The mini-program's side of the bot: a text from a resident (assistant page or customer service) through the
 * {@link Assistant}, the exchange stored in the resident's thread (bot answers with their parts), and the thread read
 * back page by page. Staff replies of the resident's conversations are in the same thread.
 */
@Service
class AssistantService {
    private final Assistant assistant;
    private final ChatUsers users;
    private final Conversations conversations;
    private final MessageMapper messages;
    private final AnswerText render;
    private final ObjectMapper json;
    private final org.redstation.station.StationApi stations;
    private final IntentAnswers cards;

    /** One line of the thread: who wrote it (resident, bot, staff), the text and, for the bot, the parts. */
    record Item(long id, String role, String text, List<Answer.Part> parts, Long conversationId, String createdAt) {
    }

    record Page(List<Item> items, Long nextBefore) {
    }

    AssistantService(Assistant assistant, ChatUsers users, Conversations conversations, MessageMapper messages,
                     AnswerText render, ObjectMapper json, org.redstation.station.StationApi stations, IntentAnswers cards) {
        this.stations = stations;
        this.cards = cards;
        this.assistant = assistant;
        this.users = users;
        this.conversations = conversations;
        this.messages = messages;
        this.render = render;
        this.json = json;
    }

    /** A text from the assistant page of mini-program user {@code appUserId}. */
    Answer ask(long appUserId, String text, String clientKey) {
        ChatUsers.ChatUser u = users.miniapp(appUserId);
        return handle(u, text, "a:" + u.openid() + ":" + clientKey);
    }

    /** The three stations nearest to a point the resident picked, as station cards (stored in the thread). */
    Answer nearby(long appUserId, double latitude, double longitude, String clientKey) {
        ChatUsers.ChatUser u = users.miniapp(appUserId);
        String key = "a:" + u.openid() + ":" + clientKey;
        if (exists(key)) {
            return Answer.text("这条消息已收到。");
        }
        List<Answer.Part> parts = new ArrayList<>();
        List<org.redstation.station.StationApi.Nearby> near = stations.nearby(latitude, longitude, IntentAnswers.CARDS);
        parts.add(new Answer.Text(near.isEmpty() ? "附近暂时没有驿站。" : "离您最近的驿站："));
        near.forEach(n -> parts.add(cards.card(n.station(), "距离约" + n.distanceMeters() + "米")));
        Answer a = new Answer(parts);
        conversations.botExchange(u, "[位置]", key, render.plain(a), partsJson(a));
        return a;
    }

    /**
     * Answers a text of a mini-program resident and stores the exchange: the resident's message (unless a hand-off
     * stored it in a conversation already) and the bot's answer. A repeated {@code key} answers what it answered.
     */
    Answer handle(ChatUsers.ChatUser u, String text, String key) {
        if (exists(key)) {
            return Answer.text("这条消息已收到。");
        }
        Answer a = assistant.answer(new TextMessage(ChatChannel.MA, u.openid(), key, text, users));
        if (a == null) {
            return null;
        }
        String plain = render.plain(a);
        if (exists(key)) {
            conversations.botReply(u, plain, partsJson(a));
        } else {
            conversations.botExchange(u, TextNormalizer.fold(text), key, plain, partsJson(a));
        }
        return a;
    }

    /** One page of the thread, oldest first; {@code nextBefore} asks for the page before it (null: no more). */
    Page thread(long appUserId, Long before, int size) {
        ChatUsers.ChatUser u = users.miniapp(appUserId);
        List<MessageRow> rows = conversations.thread(u.openid(), before, size);
        List<Item> items = new ArrayList<>();
        for (MessageRow m : rows) {
            items.add(new Item(m.getId(), role(m.getDirection()), m.getContent(), parts(m), m.getConversationId(),
                    m.getCreatedAt().toString()));
        }
        Collections.reverse(items);
        Long next = rows.size() < Math.max(1, Math.min(size, 50)) ? null : rows.get(rows.size() - 1).getId();
        return new Page(items, next);
    }

    private boolean exists(String key) {
        return messages.selectCount(new LambdaQueryWrapper<MessageRow>().eq(MessageRow::getWxMsgKey, key)) > 0;
    }

    private static String role(MessageDirection d) {
        return switch (d) {
            case IN -> "resident";
            case BOT -> "bot";
            case OUT -> "staff";
        };
    }

    private List<Answer.Part> parts(MessageRow m) {
        if (m.getPartsJson() == null) {
            return List.of(new Answer.Text(m.getContent()));
        }
        try {
            return json.readValue(m.getPartsJson(), Answer.class).parts();
        } catch (JsonProcessingException e) {
            return List.of(new Answer.Text(m.getContent()));
        }
    }

    private String partsJson(Answer a) {
        try {
            return json.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
