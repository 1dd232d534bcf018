package org.redstation.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** The public API of notify: queue a subscribe message in the caller's transaction. */
@Service
public class Notifier {
    private final OutboxMapper outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final OutboxDispatcher dispatcher;
    private final InboxMapper messages;

    Notifier(OutboxMapper outbox, ObjectMapper json, Clock clock, OutboxDispatcher dispatcher, InboxMapper messages) {
        this.outbox = outbox;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /**
     * Queues the message; it is sent after the surrounding transaction commits (nothing is sent if it rolls
     * back). A second call with the same dedup key is ignored. Never fails because of WeChat. The message is also
     * kept in the user's message centre, so it is not lost when the user has no acceptance of the template left.
     */
    public void enqueue(Notification n) {
        LocalDateTime now = LocalDateTime.now(clock);
        OutboxRow row = new OutboxRow();
        row.setDedupKey(n.dedupKey());
        row.setUserId(n.userId());
        row.setTemplate(n.template());
        row.setPage(n.page());
        row.setStatus(OutboxStatus.PENDING);
        row.setAttempts(0);
        row.setNextAttemptAt(now);
        row.setCreatedAt(now);
        try {
            row.setDataJson(json.writeValueAsString(n.data()));
            outbox.insert(row);
        } catch (DuplicateKeyException e) {
            return;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        InboxRow m = new InboxRow();
        m.setUserId(n.userId());
        m.setTemplate(n.template());
        m.setDedupKey(n.dedupKey());
        m.setTitle(MessageTitles.title(n.template()));
        m.setBody(MessageTitles.body(n.data()));
        m.setPage(n.page());
        m.setCreatedAt(now);
        try {
            messages.insert(m);
        } catch (DuplicateKeyException e) {
            return;
        }
        dispatcher.wakeUpAfterCommit();
    }

    /** Sends every due message now (tests and admin use); returns how many were handled. */
    public int dispatchNow() {
        return dispatcher.dispatchDue();
    }
}
