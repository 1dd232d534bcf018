package org.redstation.notify;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import me.chanjar.weixin.common.error.WxErrorException;
import org.redstation.auth.UserDirectory;
import org.redstation.common.Masks;
import org.redstation.wechat.WeChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends due outbox rows through WxJava. Rows are claimed with one atomic UPDATE, so with several
 * instances each message is sent by exactly one. 43101 (no subscription left) is recorded as REFUSED and
 * not retried; template/parameter errors fail at once; anything else is retried with backoff.
 */
@Component
class OutboxDispatcher implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Set<Integer> PERMANENT = Set.of(40003, 40037, 41030, 47003, 43107);
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };
    private final JdbcTemplate jdbc;
    private final WxMaService wxMa;
    private final UserDirectory users;
    private final NotifyProperties props;
    private final WeChatProperties wechat;
    private final ObjectMapper json;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong batches = new AtomicLong();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notify-outbox");
        t.setDaemon(true);
        return t;
    });

    OutboxDispatcher(JdbcTemplate jdbc, WxMaService wxMa, UserDirectory users, NotifyProperties props,
                     WeChatProperties wechat, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.wxMa = wxMa;
        this.users = users;
        this.props = props;
        this.wechat = wechat;
        this.json = json;
        this.clock = clock;
    }

    /** Dispatches soon after the current transaction commits (at once when there is none). */
    void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    private void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakeQueued.set(false);
                safeDispatch();
            });
        }
    }

    @Scheduled(fixedDelayString = "${redstation.notify.poll-interval:5s}", initialDelayString = "10s")
    void poll() {
        safeDispatch();
    }

    private void safeDispatch() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("outbox dispatch failed, will retry: {}", e.toString());
        }
    }

    /** Claims and sends due messages until none is left; returns how many were handled. */
    int dispatchDue() {
        releaseStuckClaims();
        int handled = 0;
        while (true) {
            String claim = instance + "-" + batches.incrementAndGet();
            LocalDateTime now = LocalDateTime.now(clock);
            int n = jdbc.update("UPDATE notify_outbox SET status = 'SENDING', claimed_by = ?, claimed_at = ? "
                    + "WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
                    claim, ts(now), ts(now), props.batchSize());
            if (n == 0) {
                return handled;
            }
            List<Row> rows = jdbc.query("SELECT id, user_id, template, page, data_json, attempts FROM notify_outbox "
                    + "WHERE claimed_by = ? AND status = 'SENDING'", (rs, i) -> new Row(rs.getLong("id"),
                    rs.getLong("user_id"), rs.getString("template"), rs.getString("page"), rs.getString("data_json"),
                    rs.getInt("attempts")), claim);
            for (Row r : rows) {
                send(r);
                handled++;
            }
        }
    }

    private record Row(long id, long userId, String template, String page, String dataJson, int attempts) {
    }

    private void send(Row r) {
        Optional<String> openid = users.miniappOpenid(r.userId());
        if (openid.isEmpty()) {
            finish(r.id(), "FAILED", r.attempts() + 1, "no such user");
            return;
        }
        try {
            Map<String, String> data = json.readValue(r.dataJson(), MAP);
            WxMaSubscribeMessage m = new WxMaSubscribeMessage();
            m.setToUser(openid.get());
            m.setTemplateId(props.templateId(r.template()));
            m.setPage(r.page());
            m.setMiniprogramState(wechat.miniapp().state());
            data.forEach((k, v) -> m.addData(new WxMaSubscribeMessage.MsgData(k, FieldLimits.fit(k, v))));
            wxMa.getMsgService().sendSubscribeMsg(m);
            finish(r.id(), "SENT", r.attempts() + 1, null);
            log.info("subscribe message {} '{}' sent to {}", r.id(), r.template(), Masks.openid(openid.get()));
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            if (code == 43101) {
                finish(r.id(), "REFUSED", r.attempts() + 1, "43101 user has no subscription");
            } else if (PERMANENT.contains(code)) {
                finish(r.id(), "FAILED", r.attempts() + 1, code + " " + e.getError().getErrorMsgEn());
                log.warn("subscribe message {} '{}' refused by WeChat: {}", r.id(), r.template(), code);
            } else {
                retry(r, code + " " + e.getError().getErrorMsgEn());
            }
        } catch (Exception e) {
            retry(r, e.toString());
        }
    }

    private void retry(Row r, String error) {
        int attempts = r.attempts() + 1;
        if (attempts >= props.maxAttempts()) {
            finish(r.id(), "FAILED", attempts, error);
            log.warn("subscribe message {} given up after {} attempts: {}", r.id(), attempts, error);
            return;
        }
        long delayMs = props.retryBase().toMillis() * (1L << Math.min(attempts - 1, 10));
        jdbc.update("UPDATE notify_outbox SET status = 'PENDING', attempts = ?, last_error = ?, next_attempt_at = ?, "
                        + "claimed_by = NULL WHERE id = ?", attempts, cut(error), ts(LocalDateTime.now(clock).plusNanos(delayMs * 1_000_000)), r.id());
    }

    private void finish(long id, String status, int attempts, String error) {
        jdbc.update("UPDATE notify_outbox SET status = ?, attempts = ?, last_error = ?, sent_at = ? WHERE id = ?",
                status, attempts, cut(error), "SENT".equals(status) ? ts(LocalDateTime.now(clock)) : null, id);
    }

    /** A claim older than two minutes belongs to an instance that died while sending: make it due again. */
    private void releaseStuckClaims() {
        jdbc.update("UPDATE notify_outbox SET status = 'PENDING', claimed_by = NULL WHERE status = 'SENDING' AND claimed_at < ?",
                ts(LocalDateTime.now(clock).minusMinutes(2)));
    }

    private static Timestamp ts(LocalDateTime t) {
        return Timestamp.valueOf(t);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 250 ? s : s.substring(0, 250);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
