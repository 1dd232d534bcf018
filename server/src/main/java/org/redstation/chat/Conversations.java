package org.redstation.chat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.redstation.chat.StaffBindings.BoundStaff;
import org.redstation.common.BizException;
import org.redstation.common.CommonError;
import org.redstation.station.StationApi;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations between a resident and their community's staff: a message the bot cannot answer opens or
 * continues the resident's open conversation and is forwarded to the community's bound staff; staff replies
 * go back as customer-service messages (template message outside the 48-hour window). Every message in and
 * out is stored.
 */
@Service
class Conversations {
    private static final RowMapper<Conversation> CONV = (rs, i) -> new Conversation(rs.getLong("id"), rs.getLong("community_id"),
            rs.getString("openid"), rs.getObject("app_user_id", Long.class), rs.getString("status"),
            rs.getObject("assigned_staff_id", Long.class), rs.getTimestamp("created_at").toLocalDateTime(),
            rs.getTimestamp("last_message_at").toLocalDateTime());
    private static final RowMapper<Message> MSG = (rs, i) -> new Message(rs.getLong("id"), rs.getObject("conversation_id", Long.class),
            rs.getString("direction"), rs.getObject("staff_id", Long.class), rs.getString("msg_type"), rs.getString("content"),
            rs.getString("delivery"), rs.getTimestamp("created_at").toLocalDateTime());

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final StaffBindings bindings;
    private final Deliveries deliveries;
    private final ChatUsers users;
    private final StationApi stations;

    record Conversation(long id, long communityId, String openid, Long appUserId, String status, Long assignedStaffId,
                        LocalDateTime createdAt, LocalDateTime lastMessageAt) {
        boolean open() {
            return "OPEN".equals(status);
        }
    }

    record Message(long id, Long conversationId, String direction, Long staffId, String msgType, String content,
                   String delivery, LocalDateTime createdAt) {
    }

    record Community(long id, String name) {
    }

    Conversations(JdbcTemplate jdbc, Clock clock, StaffBindings bindings, Deliveries deliveries, ChatUsers users,
                  StationApi stations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.bindings = bindings;
        this.deliveries = deliveries;
        this.users = users;
        this.stations = stations;
    }

    // ---- residents ----

    /**
     * Stores a message the bot could not answer and forwards it to staff; returns the answer for the resident,
     * or null for a duplicate delivery of the same WeChat message.
     */
    @Transactional
    public String residentMessage(ChatUsers.ChatUser u, String msgType, String content, String wxKey) {
        Long community = u.communityId();
        if (community == null) {
            if (insertMessage(null, u.openid(), "IN", null, msgType, content, wxKey, null) == null) {
                return null;
            }
            boolean askedBefore = u.awaitingCommunity();
            users.setAwaitingCommunity(u.openid(), true);
            return askedBefore
                    ? "没有找到您说的社区。请回复您所在社区的名称（例如：大石桥社区），我们会把留言转给社区工作人员。"
                    : "为了把您的留言转给社区工作人员，请回复您所在的社区（例如：大石桥社区）。";
        }
        Conversation c = openConversation(u, community);
        Long id = insertMessage(c.id(), u.openid(), "IN", null, msgType, content, wxKey, null);
        if (id == null) {
            return null;
        }
        touch(c.id());
        forward(c, List.of(content));
        String name = communityName(community);
        return "您的留言已转给" + name + "工作人员（会话 #" + c.id() + "），工作人员会通过本公众号回复您，请留意消息。";
    }

    /** The resident named their community: remembers it, opens the conversation and forwards the waiting messages. */
    @Transactional
    public String communityNamed(ChatUsers.ChatUser u, Community community) {
        users.setCommunity(u.openid(), community.id());
        ChatUsers.ChatUser withCommunity = new ChatUsers.ChatUser(u.openid(), u.unionid(), u.appUserId(), community.id(), false);
        Conversation c = openConversation(withCommunity, community.id());
        List<String> pending = jdbc.queryForList("SELECT content FROM chat_message WHERE openid = ? AND conversation_id IS NULL "
                + "ORDER BY id", String.class, u.openid());
        jdbc.update("UPDATE chat_message SET conversation_id = ? WHERE openid = ? AND conversation_id IS NULL", c.id(), u.openid());
        touch(c.id());
        if (!pending.isEmpty()) {
            forward(c, pending);
            return "好的，已记下您是" + community.name() + "的居民。您的留言已转给社区工作人员（会话 #" + c.id()
                    + "），工作人员会通过本公众号回复您。";
        }
        return "好的，已记下您是" + community.name() + "的居民。有问题请直接留言。";
    }

    /** A community whose name is the text (or contains it, if only one does). */
    Optional<Community> findCommunity(String text) {
        String n = TextNormalizer.normalize(text);
        if (n.length() < 2 || n.length() > 20) {
            return Optional.empty();
        }
        String key = n.endsWith("社区") && n.length() > 2 ? n.substring(0, n.length() - 2) : n;
        List<Community> found = stations.search(key, 50).stream()
                .filter(s -> TextNormalizer.normalize(s.communityName()).contains(key))
                .map(s -> new Community(s.communityId(), s.communityName())).distinct().toList();
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        return found.stream().filter(c -> TextNormalizer.normalize(c.name()).equals(n)).findFirst();
    }

    private Conversation openConversation(ChatUsers.ChatUser u, long community) {
        Optional<Conversation> open = openOf(u.openid());
        if (open.isPresent()) {
            return open.get();
        }
        Timestamp now = now();
        try {
            GeneratedKeyHolder kh = new GeneratedKeyHolder();
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO chat_conversation (community_id, openid, app_user_id, status, open_key, "
                        + "created_at, last_message_at) VALUES (?, ?, ?, 'OPEN', ?, ?, ?)", new String[] {"id"});
                ps.setLong(1, community);
                ps.setString(2, u.openid());
                ps.setObject(3, u.appUserId());
                ps.setString(4, u.openid());
                ps.setTimestamp(5, now);
                ps.setTimestamp(6, now);
                return ps;
            }, kh);
            return get(kh.getKey().longValue());
        } catch (DuplicateKeyException e) {
            return openOf(u.openid()).orElseThrow();
        }
    }

    private Optional<Conversation> openOf(String openid) {
        return jdbc.query("SELECT * FROM chat_conversation WHERE open_key = ?", CONV, openid).stream().findFirst();
    }

    private void forward(Conversation c, List<String> contents) {
        String who = c.appUserId() != null ? "居民（小程序用户 " + c.appUserId() + "）" : "居民 " + ChatUsers.shortId(c.openid());
        StringBuilder b = new StringBuilder("【#").append(c.id()).append(' ').append(communityName(c.communityId())).append("】")
                .append(who).append("留言：");
        for (String s : contents) {
            b.append('\n').append(s);
        }
        b.append("\n——回复请发送“#").append(c.id()).append(" 回复内容”");
        String text = Deliveries.abbreviate(b.toString(), 1900);
        List<BoundStaff> to = bindings.recipients(c.communityId());
        if (c.assignedStaffId() != null) {
            Optional<BoundStaff> assigned = bindings.byStaffId(c.assignedStaffId());
            if (assigned.isPresent()) {
                to = List.of(assigned.get());
            }
        }
        for (BoundStaff s : to) {
            deliveries.enqueue(Deliveries.Kind.FORWARD, s.openid(), text, null, c.id(), null);
        }
    }

    // ---- staff (through WeChat or the HTTP API) ----

    /** A staff reply: stored and delivered to the resident after commit; the staff member is told the outcome. */
    @Transactional
    public Message reply(BoundStaffOrHttp staff, long conversationId, String content) {
        Conversation c = visible(staff, conversationId);
        if (!c.open()) {
            throw new BizException(ChatError.CONVERSATION_CLOSED, "会话 #" + c.id() + " 已关闭，不能再回复");
        }
        String text = "【" + communityName(c.communityId()) + "工作人员回复】" + content;
        Long id = insertMessage(c.id(), c.openid(), "OUT", staff.staffId(), "text", content, null, "PENDING");
        touch(c.id());
        deliveries.enqueue(Deliveries.Kind.REPLY, c.openid(), text, id, c.id(), staff.openid());
        return message(id);
    }

    @Transactional
    public Conversation take(BoundStaffOrHttp staff, long conversationId) {
        Conversation c = visible(staff, conversationId);
        if (!c.open()) {
            throw new BizException(ChatError.CONVERSATION_CLOSED, "会话 #" + c.id() + " 已关闭");
        }
        jdbc.update("UPDATE chat_conversation SET assigned_staff_id = ? WHERE id = ?", staff.staffId(), c.id());
        return get(c.id());
    }

    @Transactional
    public Conversation close(BoundStaffOrHttp staff, long conversationId) {
        Conversation c = visible(staff, conversationId);
        if (!c.open()) {
            throw new BizException(ChatError.CONVERSATION_CLOSED, "会话 #" + c.id() + " 已经关闭了");
        }
        jdbc.update("UPDATE chat_conversation SET status = 'CLOSED', open_key = NULL, closed_at = ?, closed_by = ? "
                + "WHERE id = ? AND status = 'OPEN'", now(), staff.staffId(), c.id());
        return get(c.id());
    }

    List<Conversation> list(Long communityFilter, String status, int limit) {
        String st = "CLOSED".equals(status) ? "CLOSED" : "OPEN";
        if (communityFilter == null) {
            return jdbc.query("SELECT * FROM chat_conversation WHERE status = ? ORDER BY last_message_at DESC LIMIT ?", CONV, st, limit);
        }
        return jdbc.query("SELECT * FROM chat_conversation WHERE community_id = ? AND status = ? ORDER BY last_message_at DESC LIMIT ?",
                CONV, communityFilter, st, limit);
    }

    List<Message> messages(long conversationId) {
        return jdbc.query("SELECT * FROM chat_message WHERE conversation_id = ? ORDER BY id", MSG, conversationId);
    }

    /** The conversation if this staff member may see it (own community only). */
    Conversation visible(BoundStaffOrHttp staff, long conversationId) {
        Conversation c = jdbc.query("SELECT * FROM chat_conversation WHERE id = ?", CONV, conversationId).stream().findFirst()
                .orElseThrow(() -> new BizException(ChatError.CONVERSATION_NOT_FOUND, "会话 #" + conversationId + " 不存在"));
        if (staff.communityId() != null && staff.communityId() != c.communityId()) {
            throw new BizException(CommonError.FORBIDDEN, "会话 #" + conversationId + " 不属于您的社区，不能查看或回复");
        }
        return c;
    }

    /** Either a WeChat-bound staff member (openid set) or one calling the HTTP API (openid of their binding, if any). */
    record BoundStaffOrHttp(long staffId, Long communityId, String openid) {
        static BoundStaffOrHttp of(BoundStaff s) {
            return new BoundStaffOrHttp(s.staffId(), s.communityId(), s.openid());
        }
    }

    Conversation get(long id) {
        return jdbc.queryForObject("SELECT * FROM chat_conversation WHERE id = ?", CONV, id);
    }

    private Message message(long id) {
        return jdbc.queryForObject("SELECT * FROM chat_message WHERE id = ?", MSG, id);
    }

    String communityName(long communityId) {
        List<String> n = jdbc.queryForList("SELECT name FROM community WHERE id = ?", String.class, communityId);
        return n.isEmpty() ? "社区" : n.get(0);
    }

    private void touch(long conversationId) {
        jdbc.update("UPDATE chat_conversation SET last_message_at = ? WHERE id = ?", now(), conversationId);
    }

    /** Null when the WeChat message was stored already (duplicate delivery). */
    private Long insertMessage(Long conversationId, String openid, String direction, Long staffId, String msgType, String content,
                               String wxKey, String delivery) {
        GeneratedKeyHolder kh = new GeneratedKeyHolder();
        try {
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO chat_message (conversation_id, openid, direction, staff_id, msg_type, "
                        + "content, wx_msg_key, delivery, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
                ps.setObject(1, conversationId);
                ps.setString(2, openid);
                ps.setString(3, direction);
                ps.setObject(4, staffId);
                ps.setString(5, msgType);
                ps.setString(6, Deliveries.abbreviate(content, 2000));
                ps.setString(7, wxKey);
                ps.setString(8, delivery);
                ps.setTimestamp(9, now());
                return ps;
            }, kh);
        } catch (DuplicateKeyException e) {
            return null;
        }
        return kh.getKey().longValue();
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock));
    }
}
