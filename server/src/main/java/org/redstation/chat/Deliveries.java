package org.redstation.chat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaKefuMessage;
import me.chanjar.weixin.common.error.WxErrorException;
import org.redstation.notify.Notification;
import org.redstation.notify.Notifier;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.redstation.wechat.WeChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Outgoing customer-service messages, durable: a row in chat_delivery is written with the business data,
 * sent after commit on a worker thread (never on the portal or a scheduler thread), and swept again every few
 * seconds: rows whose {@code next_attempt_at} has come (retries back off exponentially up to an hour, for hours,
 * see {@link ChatProperties#retry()}) and claims of a worker that died. Given up = FAILED, listed for staff. Outside the 48-hour window (45015) a template message is sent
 * instead; for a staff reply the staff member is told which path was used or that it failed.
 */
@Service
class Deliveries {
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final int OUT_OF_WINDOW = 45015;
    /** A claim older than this belongs to a worker that died. */
    private static final long STUCK_MINUTES = 2;
    /** A new row is left to its after-commit send this long before the sweeper may take it. */
    private static final long FIRST_TRY_GRACE_SECONDS = 2;
    private static final int SWEEP_BATCH = 100;

    private final DeliveryMapper deliveries;
    private final MessageMapper messages;
    private final Clock clock;
    private final WxMpService mp;
    private final ChatProperties props;
    private final WeChatProperties wx;
    private final WxMaService ma;
    private final ChatUsers users;
    private final Notifier notifier;
    /** notify template key of "您的咨询有回复" (redstation.notify.templates.consult-reply). */
    static final String CONSULT_REPLY = "consult-reply";
    /** Sends customer-service messages after the portal has answered WeChat (own pool, not a shared bean). */
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(4, 8, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(5000), r -> {
                Thread t = new Thread(r, "chat-send");
                t.setDaemon(true);
                return t;
            });

    Deliveries(DeliveryMapper deliveries, MessageMapper messages, Clock clock, WxMpService mp, ChatProperties props,
               WeChatProperties wx, WxMaService ma, ChatUsers users, Notifier notifier) {
        this.ma = ma;
        this.users = users;
        this.notifier = notifier;
        this.deliveries = deliveries;
        this.messages = messages;
        this.clock = clock;
        this.mp = mp;
        this.props = props;
        this.wx = wx;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Queues an official-account message; it is sent after the surrounding transaction commits. */
    long enqueue(DeliveryKind kind, String toOpenid, String content, Long messageId, Long conversationId, String reportOpenid) {
        return enqueue(kind, ChatChannel.MP, toOpenid, content, messageId, conversationId, reportOpenid);
    }

    /** Queues a message through the official account (MP) or the mini-program (MA); sent after commit. */
    long enqueue(DeliveryKind kind, ChatChannel app, String toOpenid, String content, Long messageId, Long conversationId,
                 String reportOpenid) {
        DeliveryRow row = new DeliveryRow();
        row.setKind(kind);
        row.setApp(app);
        row.setToOpenid(toOpenid);
        row.setContent(content);
        row.setMessageId(messageId);
        row.setConversationId(conversationId);
        row.setReportOpenid(reportOpenid);
        row.setStatus(DeliveryStatus.PENDING);
        row.setAttempts(0);
        row.setCreatedAt(LocalDateTime.now(clock));
        row.setNextAttemptAt(row.getCreatedAt().plusSeconds(FIRST_TRY_GRACE_SECONDS));
        deliveries.insert(row);
        long id = row.getId();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submit(id);
                }
            });
        } else {
            submit(id);
        }
        return id;
    }

    void submit(long id) {
        try {
            executor.execute(() -> process(id));
        } catch (RejectedExecutionException e) {
            log.warn("chat delivery {} queued for the sweeper (workers busy)", id);
        }
    }

    /** Runs best-effort slow work (e.g. linking a follower through WeChat) after the portal has answered. */
    void runLater(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.info("chat background task failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.info("chat background task skipped (workers busy)");
        }
    }

    /**
     * Picks up what was not sent: never started, a dead worker, or a retry whose back-off has passed. The
     * scheduler thread only selects; the sending happens on the chat-send workers (a full queue leaves the rest
     * for the next sweep).
     */
    @Scheduled(fixedDelayString = "${redstation.chat.sweep-millis:3000}", initialDelayString = "${redstation.chat.sweep-initial-millis:3000}")
    void sweep() {
        try {
            sweepDue().forEach(this::submit);
        } catch (RuntimeException e) {
            log.warn("chat delivery sweep failed: {}", e.toString());
        }
    }

    /** The ids due now (at most one batch). */
    List<Long> sweepDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        return deliveries.due(now, now.minusMinutes(STUCK_MINUTES), SWEEP_BATCH);
    }

    /** Sends what is due now on the calling thread (tests, and a staff retry through the workers); returns how many were tried. */
    int processDue() {
        List<Long> due = sweepDue();
        due.forEach(this::process);
        return due.size();
    }

    /** Sends one delivery if this caller wins the claim. */
    void process(long id) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (deliveries.claim(id, now, now.minusMinutes(STUCK_MINUTES)) == 0) {
            return;
        }
        DeliveryRow r = deliveries.selectById(id);
        DeliveryChannel channel;
        try {
            channel = send(r);
        } catch (WxErrorException e) {
            fail(r, e.getError().getErrorCode() + " " + e.getError().getErrorMsg(), e.getError().getErrorCode());
            return;
        } catch (RuntimeException e) {
            fail(r, e.toString(), null);
            return;
        }
        deliveries.sent(id, channel, LocalDateTime.now(clock));
        if (r.getMessageId() != null) {
            messages.setDelivery(r.getMessageId(), MessageDelivery.sentBy(channel), null);
        }
        if (r.getReportOpenid() != null) {
            report(r.getReportOpenid(), switch (channel) {
                case TEMPLATE -> "#" + r.getConversationId() + " 居民超过48小时未与公众号互动，已改用模板消息通知居民。";
                case SUBSCRIBE -> "#" + r.getConversationId() + " 回复已放入居民的小程序对话，并发送订阅消息提醒（居民同意时）。";
                case CUSTOM -> "#" + r.getConversationId() + " 已通过客服消息送达居民。";
            });
        }
    }

    private DeliveryChannel send(DeliveryRow r) throws WxErrorException {
        if (r.getApp() == ChatChannel.MA) {
            return sendMiniapp(r);
        }
        try {
            mp.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(r.getToOpenid()).content(r.getContent()).build());
            return DeliveryChannel.CUSTOM;
        } catch (WxErrorException e) {
            if (e.getError().getErrorCode() != OUT_OF_WINDOW || !r.getKind().fallsBackToTemplate()) {
                throw e;
            }
        }
        mp.getTemplateMsgService().sendTemplateMsg(template(r));
        return DeliveryChannel.TEMPLATE;
    }

    /**
     * Mini-program resident: a customer-service message inside the 48-hour window of their last message to
     * customer service; otherwise (or on 45015) the reply waits in the assistant thread and a subscribe message
     * "您的咨询有回复" (sent by notify only with the resident's consent) brings them back to it.
     */
    private DeliveryChannel sendMiniapp(DeliveryRow r) throws WxErrorException {
        ChatUsers.ChatUser u = users.find(r.getToOpenid()).orElse(null);
        LocalDateTime now = LocalDateTime.now(clock);
        if (u != null && u.kefuAt() != null && u.kefuAt().isAfter(now.minusHours(48))) {
            try {
                ma.getMsgService().sendKefuMsg(WxMaKefuMessage.newTextBuilder().toUser(r.getToOpenid()).content(r.getContent()).build());
                return DeliveryChannel.CUSTOM;
            } catch (WxErrorException e) {
                if (e.getError().getErrorCode() != OUT_OF_WINDOW || !r.getKind().fallsBackToTemplate()) {
                    throw e;
                }
            }
        }
        if (u == null || u.appUserId() == null || r.getKind().toStaff()) {
            throw new IllegalStateException("居民不在客服消息的48小时窗口内，且未登录小程序");
        }
        notifier.enqueue(new Notification(u.appUserId(), CONSULT_REPLY,
                org.redstation.common.MiniProgramPages.ASSISTANT + "?conversation=" + r.getConversationId(),
                java.util.Map.of("thing1", abbreviate(strippedReply(r.getContent()), 20), "thing2", "会话 #" + r.getConversationId()),
                "consult-reply:" + r.getId()));
        return DeliveryChannel.SUBSCRIBE;
    }

    /** The reply without the "【…工作人员回复】" prefix (subscribe fields are short). */
    private static String strippedReply(String content) {
        int i = content.indexOf('】');
        return content.startsWith("【") && i > 0 ? content.substring(i + 1) : content;
    }

    /**
     * The template message outside the 48-hour window. Since 2023 WeChat no longer shows {@code first} and
     * {@code remark}, so everything the reader needs is in the keyword fields, and it opens the resident's thread
     * in the mini-program (or, for staff, the conversation number to reply to).
     */
    WxMpTemplateMessage template(DeliveryRow r) {
        WxMpTemplateMessage t = WxMpTemplateMessage.builder().toUser(r.getToOpenid()).templateId(props.replyTemplateId()).build();
        boolean toStaff = r.getKind().toStaff();
        t.addData(new WxMpTemplateData("keyword1", toStaff ? "会话 #" + r.getConversationId() + " 居民留言待回复"
                : "会话 #" + r.getConversationId() + " 社区工作人员回复"));
        t.addData(new WxMpTemplateData("keyword2", abbreviate(toStaff ? r.getContent()
                : strippedReply(r.getContent()), 180)));
        if (wx.miniapp().appid() != null && !toStaff) {
            WxMpTemplateMessage.MiniProgram m = new WxMpTemplateMessage.MiniProgram();
            m.setAppid(wx.miniapp().appid());
            m.setPagePath(org.redstation.common.MiniProgramPages.ASSISTANT + "?conversation=" + r.getConversationId());
            t.setMiniProgram(m);
        }
        return t;
    }

    private void fail(DeliveryRow r, String error, Integer errcode) {
        String err = abbreviate(error, 250);
        int attempts = r.getAttempts(); // the claim counted this attempt
        DeliveryStatus next = DeliveryStatus.afterFailure(errcode, attempts, props.retry());
        LocalDateTime at = LocalDateTime.now(clock).plus(props.retry().delayAfter(attempts));
        deliveries.failed(r.getId(), next, err, next == DeliveryStatus.PENDING ? at : r.getNextAttemptAt());
        if (next == DeliveryStatus.PENDING) {
            log.info("chat delivery {} will be retried at {} (attempt {}): {}", r.getId(), at, attempts, err);
            return;
        }
        log.warn("chat delivery {} ({}) to {} failed: {}", r.getId(), r.getKind(), ChatUsers.shortId(r.getToOpenid()), err);
        if (r.getMessageId() != null) {
            messages.setDelivery(r.getMessageId(), MessageDelivery.FAILED, err);
        }
        if (r.getReportOpenid() != null) {
            report(r.getReportOpenid(), "#" + r.getConversationId() + " 发送失败（" + err + "），居民未收到，请改用电话联系。");
        }
    }

    /** Tells a staff member how a reply went (best effort, they just wrote to the account). */
    private void report(String openid, String text) {
        try {
            mp.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openid).content(text).build());
        } catch (Exception e) {
            log.info("could not tell staff {} the delivery result: {}", ChatUsers.shortId(openid), e.toString());
        }
    }

    static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
