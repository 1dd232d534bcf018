package org.redstation.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
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
        OutboxRow row = outboxRow(n, now);
        try {
            outbox.insert(row);
        } catch (DuplicateKeyException e) {
            return;
        }
        try {
            messages.insert(inboxRow(n, now));
        } catch (DuplicateKeyException e) {
            return;
        }
        dispatcher.wakeUpAfterCommit();
    }

    /**
     * Queues several messages with two statements (outbox and message centre), same rules as {@link #enqueue}. A dedup
     * key already queued fails only its multi-row statement (the transaction goes on): then each is queued on its own.
     */
    public void enqueueAll(List<Notification> ns) {
        if (ns.size() <= 1) {
            ns.forEach(this::enqueue);
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            outbox.insertAll(ns.stream().map(n -> outboxRow(n, now)).toList());
        } catch (DuplicateKeyException e) {
            ns.forEach(this::enqueue);
            return;
        }
        try {
            messages.insertAll(ns.stream().map(n -> inboxRow(n, now)).toList());
        } catch (DuplicateKeyException e) {
            for (Notification n : ns) {
                try {
                    messages.insert(inboxRow(n, now));
                } catch (DuplicateKeyException dup) {
                    // kept already
                }
            }
        }
        dispatcher.wakeUpAfterCommit();
    }

    private OutboxRow outboxRow(Notification n, LocalDateTime now) {
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
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return row;
    }

    private static InboxRow inboxRow(Notification n, LocalDateTime now) {
        InboxRow m = new InboxRow();
        m.setUserId(n.userId());
        m.setTemplate(n.template());
        m.setDedupKey(n.dedupKey());
        m.setTitle(MessageTitles.title(n.template()));
        m.setBody(MessageTitles.body(n.data()));
        m.setPage(n.page());
        m.setCreatedAt(now);
        return m;
    }

    /** Sends every due message now (tests and admin use); returns how many were handled. */
    public int dispatchNow() {
        return dispatcher.dispatchDue();
    }
}
