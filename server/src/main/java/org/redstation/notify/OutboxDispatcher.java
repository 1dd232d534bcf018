package org.redstation.notify;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import me.chanjar.weixin.common.error.WxErrorException;
import org.redstation.auth.UserDirectory;
import org.redstation.common.BusinessMetrics;
import org.redstation.common.Masks;
import org.redstation.wechat.WeChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends due outbox rows through WxJava, each at most once: WeChat's subscribe API has no idempotency key, so a
 * send whose outcome is unknown is never repeated automatically. Rows are claimed with one atomic UPDATE, so with
 * several instances each message is sent by one. 43101 (no subscription left) is recorded as REFUSED and not
 * retried; template/parameter errors fail at once; errors that certainly delivered nothing are retried with backoff.
 */
@Component
class OutboxDispatcher implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };
    private final OutboxMapper outbox;
    private final WxMaService wxMa;
    private final UserDirectory users;
    private final NotifyProperties props;
    private final WeChatProperties wechat;
    private final ObjectMapper json;
    private final Clock clock;
    private final Consents consents;
    private final BusinessMetrics metrics;
    /** Verdicts of WeChat calls that could not be stored yet (see {@link #record}). */
    private final java.util.Queue<Verdict> lateVerdicts = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** A claim older than this belongs to an instance that died or stalled; far above one send's worst case. */
    static final java.time.Duration CLAIM_LEASE = java.time.Duration.ofMinutes(2);
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong batches = new AtomicLong();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    /**
     * The WeChat calls of notify run here, never on a scheduler or request thread: one thread, and at most one
     * queued wake-up (wakeQueued), so the queue is bounded by construction.
     */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notify-outbox");
        t.setDaemon(true);
        return t;
    });

    OutboxDispatcher(OutboxMapper outbox, WxMaService wxMa, UserDirectory users, NotifyProperties props,
                     WeChatProperties wechat, ObjectMapper json, Clock clock, Consents consents, BusinessMetrics metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.consents = consents;
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

    void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakeQueued.set(false);
                safeDispatch();
            });
        }
    }

    /** The scheduler thread only hands over: the sending happens on the worker. */
    @Scheduled(fixedDelayString = "${redstation.notify.poll-interval:5s}", initialDelayString = "${redstation.notify.poll-initial-delay:10s}")
    void poll() {
        wake();
    }

    private void safeDispatch() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("outbox dispatch failed, will retry: {}", e.toString());
        }
    }

    /**
     * Claims and sends due messages until none is left or the time box ({@code batch-time-box}) is used up (then
     * the worker is woken to go on, so one run never holds on for ever); returns how many were handled.
     */
    int dispatchDue() {
        recordLateVerdicts();
        releaseStuckClaims();
        long deadline = System.nanoTime() + props.batchTimeBox().toNanos();
        int handled = 0;
        while (true) {
            if (System.nanoTime() - deadline > 0) {
                wake();
                return handled;
            }
            String claim = instance + "-" + batches.incrementAndGet();
            LocalDateTime now = LocalDateTime.now(clock);
            int n = outbox.claimDue(claim, now, props.batchSize());
            if (n == 0) {
                return handled;
            }
            List<OutboxRow> rows = outbox.selectList(new LambdaQueryWrapper<OutboxRow>()
                    .eq(OutboxRow::getClaimedBy, claim).eq(OutboxRow::getStatus, OutboxStatus.SENDING));
            // the openids of the whole batch in one statement (the at-most-once steps below stay per row)
            Map<Long, String> openids = users.miniappOpenids(rows.stream().map(OutboxRow::getUserId).distinct().toList());
            for (OutboxRow r : rows) {
                send(r, claim, Optional.ofNullable(openids.get(r.getUserId())));
                handled++;
            }
        }
    }

    /**
     * One row, at most one WeChat call. {@code start} (owner check + lease renewal + "may be sent from here") comes
     * right before the call; the verdict is recorded after it, and a failure to record it never leads to a
     * second call (see {@link #record}).
     */
    private void send(OutboxRow r, String claim, Optional<String> openid) {
        if (openid.isEmpty()) {
            record(Verdict.last(r, claim, OutboxStatus.FAILED, "no such user", null));
            return;
        }
        LocalDateTime started = LocalDateTime.now(clock);
        if (outbox.start(r.getId(), claim, started) == 0) {
            // the claim expired while earlier rows of the batch were sent, and another instance took the row
            log.info("subscribe message {} is no longer claimed by {}: not sent here", r.getId(), claim);
            return;
        }
        // WeChat delivers only against an acceptance of this template by this user: none left, no call
        boolean accepted;
        try {
            accepted = consents.take(r.getUserId(), r.getTemplate());
        } catch (RuntimeException e) {
            record(retry(r, claim, e.toString())); // nothing sent: started or not, this row may go again
            return;
        }
        if (!accepted) {
            record(Verdict.last(r, claim, OutboxStatus.NO_CONSENT, "no acceptance left", null));
            return;
        }
        Verdict v = call(r, claim, openid.get(), started);
        if (v.status() == OutboxStatus.PENDING || (v.status() == OutboxStatus.FAILED && v.sentAt() == null)) {
            try {
                consents.giveBack(r.getUserId(), r.getTemplate()); // WeChat certainly did not use the acceptance
            } catch (RuntimeException e) {
                log.warn("acceptance of message {} not given back: {}", r.getId(), e.toString());
            }
        }
        record(v);
        metrics.message(v.outcome());
        if (v.status() == OutboxStatus.SENT) {
            log.info("subscribe message {} '{}' sent to {}", r.getId(), r.getTemplate(), Masks.openid(openid.get()));
        }
    }

    /** The WeChat call and what its result means for the row; never throws. */
    private Verdict call(OutboxRow r, String claim, String openid, LocalDateTime started) {
        WxMaSubscribeMessage m = new WxMaSubscribeMessage();
        try {
            Map<String, String> data = json.readValue(r.getDataJson(), MAP);
            m.setToUser(openid);
            m.setTemplateId(props.templateId(r.getTemplate()));
            m.setPage(r.getPage());
            m.setMiniprogramState(wechat.miniapp().state());
            data.forEach((k, v) -> m.addData(new WxMaSubscribeMessage.MsgData(k, FieldLimits.fit(k, v))));
            // the access token first (Redis, maybe a token request): a failure here has sent nothing
            wxMa.getAccessToken();
        } catch (Exception e) {
            return retry(r, claim, e.toString());
        }
        try {
            wxMa.getMsgService().sendSubscribeMsg(m);
            return Verdict.last(r, claim, OutboxStatus.SENT, null, LocalDateTime.now(clock));
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            String error = code + " " + e.getError().getErrorMsgEn();
            if (code == 43101) {
                try {
                    consents.clear(r.getUserId(), r.getTemplate());
                } catch (RuntimeException ce) {
                    log.warn("acceptances of message {} not cleared after 43101: {}", r.getId(), ce.toString());
                }
            }
            Optional<OutboxStatus> last = OutboxStatus.afterWeChatError(code);
            if (last.isEmpty()) {
                return retry(r, claim, error);
            }
            if (last.get() == OutboxStatus.FAILED) {
                log.warn("subscribe message {} '{}' refused by WeChat: {}", r.getId(), r.getTemplate(), code);
            }
            // 43101 used no acceptance either, but clear() above already set the balance to WeChat's 0
            return Verdict.last(r, claim, last.get(), error, null);
        } catch (Exception e) {
            if (SendFailure.mayHaveReachedWeChat(e)) {
                log.warn("subscribe message {} '{}': outcome unknown, not sent again: {}", r.getId(), r.getTemplate(), e.toString());
                return Verdict.last(r, claim, OutboxStatus.FAILED, SendFailure.UNKNOWN + e, started).unknown();
            }
            return retry(r, claim, e.toString());
        }
    }

    private Verdict retry(OutboxRow r, String claim, String error) {
        int attempts = r.getAttempts() + 1;
        if (props.givesUpAfter(attempts)) {
            log.warn("subscribe message {} given up after {} attempts: {}", r.getId(), attempts, error);
            return Verdict.last(r, claim, OutboxStatus.FAILED, error, null);
        }
        return new Verdict(r.getId(), claim, OutboxStatus.PENDING, attempts, cut(error), null,
                LocalDateTime.now(clock).plus(props.retryDelay(attempts)), "retry");
    }

    /**
     * Stores a verdict. When that fails (the database is briefly unreachable) the verdict is kept and stored at the
     * next run: the row stays SENDING and started, which no instance sends again, so a message WeChat accepted is
     * never sent twice because its SENT could not be written.
     */
    private void record(Verdict v) {
        try {
            store(v);
        } catch (RuntimeException e) {
            log.warn("verdict of subscribe message {} ({}) not stored, kept for the next run: {}", v.id(), v.status(), e.toString());
            lateVerdicts.add(v);
        }
    }

    private void store(Verdict v) {
        int n = v.status() == OutboxStatus.PENDING
                ? outbox.retryLater(v.id(), v.claim(), v.attempts(), v.error(), v.nextAttemptAt())
                : outbox.finish(v.id(), v.claim(), v.status(), v.attempts(), v.error(), v.sentAt());
        if (n == 0) {
            log.info("verdict {} of subscribe message {} not stored: the row is no longer claimed by {}", v.status(), v.id(), v.claim());
        }
    }

    private void recordLateVerdicts() {
        for (Verdict v; (v = lateVerdicts.peek()) != null; ) {
            try {
                store(v);
            } catch (RuntimeException e) {
                return; // the database is still away: the rest wait for the next run
            }
            lateVerdicts.remove(v);
        }
    }

    /**
     * Claims older than two minutes belong to an instance that died or stalled. Not started: due again. Started
     * (WeChat may have the message): given up, never re-sent automatically.
     */
    private void releaseStuckClaims() {
        LocalDateTime before = LocalDateTime.now(clock).minus(CLAIM_LEASE);
        outbox.releaseStuck(before);
        int unknown = outbox.giveUpStarted(before, SendFailure.UNKNOWN + "the sending instance stopped during the send");
        if (unknown > 0) {
            log.warn("{} subscribe messages left by a stopped instance during their send: FAILED, not sent again", unknown);
        }
    }

    /** What one send came to, ready to store: PENDING = retry at {@code nextAttemptAt}, else a final status. */
    record Verdict(long id, String claim, OutboxStatus status, int attempts, String error, LocalDateTime sentAt,
                   LocalDateTime nextAttemptAt, String outcome) {
        static Verdict last(OutboxRow r, String claim, OutboxStatus status, String error, LocalDateTime sentAt) {
            return new Verdict(r.getId(), claim, status, r.getAttempts() + 1, cut(error), sentAt, null,
                    status.name().toLowerCase(java.util.Locale.ROOT));
        }

        Verdict unknown() {
            return new Verdict(id, claim, status, attempts, error, sentAt, nextAttemptAt, "unknown");
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= 250 ? s : s.substring(0, 250);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
