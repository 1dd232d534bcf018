package org.redstation.notify;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * Sends due outbox rows through WxJava. Rows are claimed with one atomic UPDATE, so with several
 * instances each message is sent by exactly one. 43101 (no subscription left) is recorded as REFUSED and
 * not retried; template/parameter errors fail at once; anything else is retried with backoff.
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
                     WeChatProperties wechat, ObjectMapper json, Clock clock, Consents consents) {
        this.outbox = outbox;
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
            // rows ended without a WeChat call (no user, no acceptance) are finished together after the batch; a sent
            // row is still finished right after its send
            Map<OutboxStatus, List<Long>> unsent = new EnumMap<>(OutboxStatus.class);
            try {
                for (OutboxRow r : rows) {
                    send(r, unsent);
                    handled++;
                }
            } finally {
                finishUnsent(unsent);
            }
        }
    }

    private static final Map<OutboxStatus, String> UNSENT_ERRORS = Map.of(OutboxStatus.FAILED, "no such user",
            OutboxStatus.NO_CONSENT, "no acceptance left");

    private void send(OutboxRow r, Map<OutboxStatus, List<Long>> unsent) {
        Optional<String> openid = users.miniappOpenid(r.getUserId());
        if (openid.isEmpty()) {
            unsent.computeIfAbsent(OutboxStatus.FAILED, k -> new ArrayList<>()).add(r.getId());
            return;
        }
        // WeChat delivers only against an acceptance of this template by this user: none left, no call
        if (!consents.take(r.getUserId(), r.getTemplate())) {
            unsent.computeIfAbsent(OutboxStatus.NO_CONSENT, k -> new ArrayList<>()).add(r.getId());
            return;
        }
        boolean delivered = false;
        try {
            Map<String, String> data = json.readValue(r.getDataJson(), MAP);
            WxMaSubscribeMessage m = new WxMaSubscribeMessage();
            m.setToUser(openid.get());
            m.setTemplateId(props.templateId(r.getTemplate()));
            m.setPage(r.getPage());
            m.setMiniprogramState(wechat.miniapp().state());
            data.forEach((k, v) -> m.addData(new WxMaSubscribeMessage.MsgData(k, FieldLimits.fit(k, v))));
            wxMa.getMsgService().sendSubscribeMsg(m);
            delivered = true;
            finish(r, OutboxStatus.SENT, null);
            log.info("subscribe message {} '{}' sent to {}", r.getId(), r.getTemplate(), Masks.openid(openid.get()));
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            if (code == 43101) {
                consents.clear(r.getUserId(), r.getTemplate());
                delivered = true; // nothing to give back
            }
            Optional<OutboxStatus> last = OutboxStatus.afterWeChatError(code);
            if (last.isEmpty()) {
                retry(r, code + " " + e.getError().getErrorMsgEn());
            } else {
                finish(r, last.get(), code + " " + e.getError().getErrorMsgEn());
                if (last.get() == OutboxStatus.FAILED) {
                    log.warn("subscribe message {} '{}' refused by WeChat: {}", r.getId(), r.getTemplate(), code);
                }
            }
        } catch (Exception e) {
            retry(r, e.toString());
        } finally {
            if (!delivered) {
                consents.giveBack(r.getUserId(), r.getTemplate());
            }
        }
    }

    /** One UPDATE per final status for the rows of a batch that needed no WeChat call. */
    private void finishUnsent(Map<OutboxStatus, List<Long>> unsent) {
        unsent.forEach((status, ids) -> outbox.finishAll(ids, status, UNSENT_ERRORS.get(status)));
    }

    private void retry(OutboxRow r, String error) {
        int attempts = r.getAttempts() + 1;
        if (props.givesUpAfter(attempts)) {
            finish(r, OutboxStatus.FAILED, error);
            log.warn("subscribe message {} given up after {} attempts: {}", r.getId(), attempts, error);
            return;
        }
        outbox.retryLater(r.getId(), attempts, cut(error), LocalDateTime.now(clock).plus(props.retryDelay(attempts)));
    }

    private void finish(OutboxRow r, OutboxStatus status, String error) {
        outbox.finish(r.getId(), status, r.getAttempts() + 1, cut(error),
                status == OutboxStatus.SENT ? LocalDateTime.now(clock) : null);
    }

    /** A claim older than two minutes belongs to an instance that died while sending: make it due again. */
    private void releaseStuckClaims() {
        outbox.releaseStuck(LocalDateTime.now(clock).minusMinutes(2));
    }

    private static String cut(String s) {
        return s == null || s.length() <= 250 ? s : s.substring(0, 250);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
