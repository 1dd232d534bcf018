package org.redstation.notify;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.redstation.common.BizException;
import org.springframework.stereotype.Service;

/** The in-app message centre (消息中心): every notification, whether or not WeChat delivered it. */
@Service
class MessageCentre {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final InboxMapper messages;
    private final Clock clock;

    MessageCentre(InboxMapper messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    record MessageView(long id, String title, String body, String page, String createdAt, boolean read,
                       String delivery, String deliveryNote) {
    }

    record MessagePage(List<MessageView> items, long total, long unread, int page, int size) {
    }

    record Unread(long unread) {
    }

    /** Newest first; two statements whatever the page size. */
    MessagePage page(long userId, int page, int size) {
        int p = Math.max(1, page);
        int s = Math.max(1, Math.min(50, size));
        List<MessageView> items = messages.page(userId, s, (p - 1) * s).stream().map(m -> new MessageView(m.getId(),
                m.getTitle(), m.getBody(), m.getPage(), TIME.format(m.getCreatedAt()), m.getReadAt() != null,
                m.getDelivery() == null ? null : m.getDelivery().name(),
                m.getDelivery() == null ? null : m.getDelivery().deliveryNote())).toList();
        InboxMapper.Counts c = messages.counts(userId);
        return new MessagePage(items, c.getTotal(), c.getUnread(), p, s);
    }

    Unread unread(long userId) {
        return new Unread(messages.counts(userId).getUnread());
    }

    Unread markRead(long userId, long id) {
        InboxRow m = messages.selectById(id);
        if (m == null || m.getUserId() != userId) {
            throw new BizException(NotifyError.MESSAGE_NOT_FOUND);
        }
        messages.markRead(id, userId, LocalDateTime.now(clock));
        return unread(userId);
    }

    Unread markAllRead(long userId) {
        messages.markAllRead(userId, LocalDateTime.now(clock));
        return unread(userId);
    }
}
