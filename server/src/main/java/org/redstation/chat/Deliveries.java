package org.redstation.chat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.redstation.wechat.WeChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Outgoing customer-service messages, durable: a row in chat_delivery is written with the business data,
 * sent after commit on a worker thread (never on the portal thread), and swept again every few seconds
 * if a worker died or WeChat was busy. Outside the 48-hour window (45015) a template message is sent
 * instead; for a staff reply the staff member is told which path was used or that it failed.
 */
@Service
class Deliveries {
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final int OUT_OF_WINDOW = 45015;

    enum Kind { FORWARD, REPLY, NOTICE }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final WxMpService mp;
    private final ChatProperties props;
    private final WeChatProperties wx;
    /** Sends customer-service messages after the portal has answered WeChat (own pool, not a shared bean). */
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(4, 8, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(5000), r -> {
                Thread t = new Thread(r, "chat-send");
                t.setDaemon(true);
                return t;
            });

    Deliveries(JdbcTemplate jdbc, Clock clock, WxMpService mp, ChatProperties props, WeChatProperties wx) {
        this.jdbc = jdbc;
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

    /** Queues a message; it is sent after the surrounding transaction commits. */
    long enqueue(Kind kind, String toOpenid, String content, Long messageId, Long conversationId, String reportOpenid) {
        GeneratedKeyHolder kh = new GeneratedKeyHolder();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO chat_delivery (kind, to_openid, content, message_id, conversation_id, "
                    + "report_openid, status, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)", new String[] {"id"});
            ps.setString(1, kind.name());
            ps.setString(2, toOpenid);
            ps.setString(3, content);
            ps.setObject(4, messageId);
            ps.setObject(5, conversationId);
            ps.setString(6, reportOpenid);
            ps.setTimestamp(7, now);
            return ps;
        }, kh);
        long id = kh.getKey().longValue();
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

    private void submit(long id) {
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

    /** Picks up what was not sent: never started, a dead worker, or a retry after a WeChat error. */
    @Scheduled(fixedDelayString = "${redstation.chat.sweep-millis:3000}", initialDelay = 3000)
    void sweep() {
        try {
            List<Long> due = jdbc.queryForList("SELECT id FROM chat_delivery WHERE (status = 'PENDING' AND created_at < ?) "
                    + "OR (status = 'SENDING' AND claimed_at < ?) ORDER BY id LIMIT 100", Long.class,
                    Timestamp.valueOf(LocalDateTime.now(clock).minusSeconds(2)),
                    Timestamp.valueOf(LocalDateTime.now(clock).minusMinutes(2)));
            due.forEach(this::process);
        } catch (RuntimeException e) {
            log.warn("chat delivery sweep failed: {}", e.toString());
        }
    }

    private record Row(long id, String kind, String toOpenid, String content, Long messageId, Long conversationId,
                       String reportOpenid, int attempts) {
    }

    /** Sends one delivery if this caller wins the claim. */
    void process(long id) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        int claimed = jdbc.update("UPDATE chat_delivery SET status = 'SENDING', claimed_at = ?, attempts = attempts + 1 "
                        + "WHERE id = ? AND (status = 'PENDING' OR (status = 'SENDING' AND claimed_at < ?))", now, id,
                Timestamp.valueOf(LocalDateTime.now(clock).minusMinutes(2)));
        if (claimed == 0) {
            return;
        }
        Row r = jdbc.queryForObject("SELECT * FROM chat_delivery WHERE id = ?", (rs, i) -> new Row(rs.getLong("id"),
                rs.getString("kind"), rs.getString("to_openid"), rs.getString("content"), rs.getObject("message_id", Long.class),
                rs.getObject("conversation_id", Long.class), rs.getString("report_openid"), rs.getInt("attempts")), id);
        String channel;
        try {
            channel = send(r);
        } catch (WxErrorException e) {
            fail(r, e.getError().getErrorCode() + " " + e.getError().getErrorMsg(), retryable(e.getError().getErrorCode()));
            return;
        } catch (RuntimeException e) {
            fail(r, e.toString(), true);
            return;
        }
        jdbc.update("UPDATE chat_delivery SET status = 'SENT', channel = ?, sent_at = ?, last_error = NULL WHERE id = ?",
                channel, Timestamp.valueOf(LocalDateTime.now(clock)), id);
        if (r.messageId() != null) {
            jdbc.update("UPDATE chat_message SET delivery = ?, delivery_error = NULL WHERE id = ?", channel, r.messageId());
        }
        if (r.reportOpenid() != null) {
            report(r.reportOpenid(), "TEMPLATE".equals(channel)
                    ? "#" + r.conversationId() + " 居民超过48小时未与公众号互动，已改用模板消息通知居民。"
                    : "#" + r.conversationId() + " 已通过客服消息送达居民。");
        }
    }

    private String send(Row r) throws WxErrorException {
        try {
            mp.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(r.toOpenid()).content(r.content()).build());
            return "CUSTOM";
        } catch (WxErrorException e) {
            if (e.getError().getErrorCode() != OUT_OF_WINDOW || Kind.NOTICE.name().equals(r.kind())) {
                throw e;
            }
        }
        WxMpTemplateMessage t = WxMpTemplateMessage.builder().toUser(r.toOpenid()).templateId(props.replyTemplateId()).build();
        boolean toStaff = Kind.FORWARD.name().equals(r.kind());
        t.addData(new WxMpTemplateData("first", toStaff ? "有居民留言待回复" : "社区工作人员回复了您的留言"));
        t.addData(new WxMpTemplateData("keyword1", "会话 #" + r.conversationId()));
        t.addData(new WxMpTemplateData("keyword2", abbreviate(r.content(), 180)));
        t.addData(new WxMpTemplateData("remark", toStaff ? "请在公众号回复“#" + r.conversationId() + " 内容”" : "如需继续咨询，请直接在公众号留言。"));
        if (wx.miniapp().appid() != null) {
            WxMpTemplateMessage.MiniProgram m = new WxMpTemplateMessage.MiniProgram();
            m.setAppid(wx.miniapp().appid());
            m.setPagePath("pages/index/index");
            t.setMiniProgram(m);
        }
        mp.getTemplateMsgService().sendTemplateMsg(t);
        return "TEMPLATE";
    }

    private void fail(Row r, String error, boolean retry) {
        String err = abbreviate(error, 250);
        if (retry && r.attempts() < MAX_ATTEMPTS) {
            jdbc.update("UPDATE chat_delivery SET status = 'PENDING', last_error = ? WHERE id = ?", err, r.id());
            log.info("chat delivery {} will be retried: {}", r.id(), err);
            return;
        }
        jdbc.update("UPDATE chat_delivery SET status = 'FAILED', last_error = ? WHERE id = ?", err, r.id());
        log.warn("chat delivery {} ({}) to {} failed: {}", r.id(), r.kind(), ChatUsers.shortId(r.toOpenid()), err);
        if (r.messageId() != null) {
            jdbc.update("UPDATE chat_message SET delivery = 'FAILED', delivery_error = ? WHERE id = ?", err, r.messageId());
        }
        if (r.reportOpenid() != null) {
            report(r.reportOpenid(), "#" + r.conversationId() + " 发送失败（" + err + "），居民未收到，请改用电话联系。");
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

    /** WeChat busy / rate limits are worth retrying; user-side refusals are not. */
    private static boolean retryable(int errcode) {
        return errcode == -1 || errcode == 45009 || errcode == 45011 || errcode == 40001 || errcode == 42001;
    }

    static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
