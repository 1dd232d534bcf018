package org.redstation.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The public API of notify: queue a subscribe message in the caller's transaction. */
@Service
public class Notifier {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final OutboxDispatcher dispatcher;

    Notifier(JdbcTemplate jdbc, ObjectMapper json, Clock clock, OutboxDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /**
     * Queues the message; it is sent after the surrounding transaction commits (nothing is sent if it rolls
     * back). A second call with the same dedup key is ignored. Never fails because of WeChat.
     */
    public void enqueue(Notification n) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        try {
            jdbc.update("INSERT INTO notify_outbox (dedup_key, user_id, template, page, data_json, status, attempts, "
                            + "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                    n.dedupKey(), n.userId(), n.template(), n.page(), json.writeValueAsString(n.data()), now, now);
        } catch (DuplicateKeyException e) {
            return;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        dispatcher.wakeUpAfterCommit();
    }

    /** Sends every due message now (tests and admin use); returns how many were handled. */
    public int dispatchNow() {
        return dispatcher.dispatchDue();
    }
}
