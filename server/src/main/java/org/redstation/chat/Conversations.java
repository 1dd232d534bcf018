package org.redstation.chat;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.redstation.auth.CurrentStaff;
import org.redstation.auth.UserDirectory;
import org.redstation.booking.BookingQueries;
import org.redstation.chat.StaffBindings.BoundStaff;
import org.redstation.common.BizException;
import org.redstation.common.SafeText;
import org.redstation.common.CommonError;
import org.redstation.station.CommunityRef;
import org.redstation.station.StationApi;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations between a resident and their community's staff: a message the bot cannot answer opens or
 * continues the resident's open conversation and is forwarded to the community's bound staff; staff replies
 * go back as customer-service messages (template message outside the 48-hour window). Every message in and
 * out is stored. Staff act as a {@link CurrentStaff} (the HTTP API's, or the bound WeChat user's) and see only
 * the conversations of their scope.
 */
@Service
class Conversations {
    private final ConversationMapper conversations;
    private final MessageMapper messages;
    private final Clock clock;
    private final StaffBindings bindings;
    private final Deliveries deliveries;
    private final ChatUsers users;
    private final StationApi stations;
    private final UserDirectory userDirectory;
    private final BookingQueries bookings;
    private final ChatProperties props;

    /** A message handed to staff: the answer for the resident and the conversation (null while the community is asked). */
    record Forwarded(String text, Long conversationId) {
    }

    /** A community a resident named. */
    record Community(long id, String name) {
    }

    /** A line of the staff queue: the conversation, its community's name and its last message (null if none). */
    record QueueItem(ConversationRow conversation, String communityName, MessageRow last) {
    }

    /** A conversation with every message, oldest first. */
    record Thread(ConversationRow conversation, String communityName, List<MessageRow> messages) {
    }

    Conversations(ConversationMapper conversations, MessageMapper messages, Clock clock, StaffBindings bindings,
                  Deliveries deliveries, ChatUsers users, StationApi stations, UserDirectory userDirectory,
                  BookingQueries bookings, ChatProperties props) {
        this.userDirectory = userDirectory;
        this.bookings = bookings;
        this.props = props;
        this.conversations = conversations;
        this.messages = messages;
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
    public Forwarded residentMessage(ChatUsers.ChatUser u, String msgType, String content, String wxKey) {
        return residentMessage(u, msgType, content, wxKey, null);
    }

    /**
     * As {@link #residentMessage(ChatUsers.ChatUser, String, String, String)}; {@code botAnswer} (may be null) is what
     * the bot also answered (a keyword rule that answers and forwards): staff see it with the message.
     */
    @Transactional
    public Forwarded residentMessage(ChatUsers.ChatUser u, String msgType, String content, String wxKey, String botAnswer) {
        Long community = u.communityId();
        if (community == null) {
            if (insertMessage(null, u.openid(), MessageDirection.IN, null, msgType, content, wxKey, null) == null) {
                return null;
            }
            boolean askedBefore = u.awaitingCommunity();
            users.setAwaitingCommunity(u.openid(), true);
            return new Forwarded(askedBefore
                    ? "没有找到您说的社区。请回复您所在社区的名称（例如：大石桥社区），我们会把留言转给社区工作人员。"
                    : "为了把您的留言转给社区工作人员，请回复您所在的社区（例如：大石桥社区）。", null);
        }
        ConversationRow c = openConversation(u, community);
        if (insertMessage(c.getId(), u.openid(), MessageDirection.IN, null, msgType, content, wxKey, null) == null) {
            return null;
        }
        conversations.residentWrote(c.getId(), now());
        String name = communityName(community);
        forward(c, name, List.of(botAnswer == null ? content : content + "\n（小助手已答：" + Deliveries.abbreviate(botAnswer, 60) + "）"));
        return new Forwarded("您的留言已转给" + name + "工作人员（会话 #" + c.getId() + "），" + whereRepliesGo(u.channel())
                + offHours(), c.getId());
    }

    private static String whereRepliesGo(ChatChannel channel) {
        return channel == ChatChannel.MA ? "工作人员的回复会显示在这里，请留意消息。" : "工作人员会通过本公众号回复您，请留意消息。";
    }

    /** Empty during working hours, else when to expect a reply. */
    private String offHours() {
        String n = props.workingHours().offHoursNotice(now());
        return n == null ? "" : n;
    }

    /**
     * Stores a text the bot answered by itself, with the answer (parts as JSON): the assistant page's thread.
     * Null for a duplicate delivery of the same message.
     */
    @Transactional
    public Long botExchange(ChatUsers.ChatUser u, String content, String wxKey, String answerText, String partsJson) {
        MessageRow in = message(null, u.openid(), MessageDirection.IN, null, "text", content, wxKey, null);
        in.setBotHandled(true);
        try {
            messages.insert(in);
        } catch (DuplicateKeyException e) {
            return null;
        }
        MessageRow out = message(null, u.openid(), MessageDirection.BOT, null, "text", answerText == null ? "" : answerText, null, null);
        out.setBotHandled(true);
        out.setPartsJson(partsJson);
        messages.insert(out);
        return out.getId();
    }

    /** The bot's answer to a message already stored (a hand-off): the thread shows it after the message. */
    @Transactional
    public void botReply(ChatUsers.ChatUser u, String answerText, String partsJson) {
        MessageRow out = message(null, u.openid(), MessageDirection.BOT, null, "text", answerText == null ? "" : answerText, null, null);
        out.setBotHandled(true);
        out.setPartsJson(partsJson);
        messages.insert(out);
    }

    /** One page of the resident's thread (bot, resident, staff), newest first. */
    List<MessageRow> thread(String openid, Long before, int size) {
        return messages.thread(openid, before == null ? Long.MAX_VALUE : before, Math.max(1, Math.min(size, 50)));
    }

    /** {@link #history} with each conversation's community name and last message; three statements. */
    List<QueueItem> historyWithLast(CurrentStaff staff, long conversationId) {
        List<ConversationRow> rows = history(staff, conversationId);
        Map<Long, CommunityRef> names = stations.communities(rows.stream().map(ConversationRow::getCommunityId).distinct().toList());
        Map<Long, MessageRow> last = messages.lastOf(rows.stream().map(ConversationRow::getId).toList()).stream()
                .collect(Collectors.toMap(MessageRow::getConversationId, Function.identity()));
        return rows.stream().map(c -> new QueueItem(c, nameIn(names, c.getCommunityId()), last.get(c.getId()))).toList();
    }

    /** The resident's earlier conversations (newest first), seen from conversation {@code conversationId}. */
    List<ConversationRow> history(CurrentStaff staff, long conversationId) {
        ConversationRow c = visible(staff, conversationId);
        return conversations.selectList(new LambdaQueryWrapper<ConversationRow>().eq(ConversationRow::getOpenid, c.getOpenid())
                .orderByDesc(ConversationRow::getId).last("LIMIT 20")).stream()
                .filter(x -> staff.canSee(x.getCommunityId())).toList();
    }

    /** The resident named their community: remembers it, opens the conversation and forwards the waiting messages. */
    @Transactional
    public String communityNamed(ChatUsers.ChatUser u, Community community) {
        users.setCommunity(u.openid(), community.id());
        ChatUsers.ChatUser withCommunity = u.withCommunity(community.id());
        ConversationRow c = openConversation(withCommunity, community.id());
        List<String> pending = messages.selectList(new LambdaQueryWrapper<MessageRow>().eq(MessageRow::getOpenid, u.openid())
                .isNull(MessageRow::getConversationId).orderByAsc(MessageRow::getId)).stream().map(MessageRow::getContent).toList();
        messages.adopt(u.openid(), c.getId());
        conversations.residentWrote(c.getId(), now());
        if (!pending.isEmpty()) {
            forward(c, community.name(), pending);
            return "好的，已记下您是" + community.name() + "的居民。您的留言已转给社区工作人员（会话 #" + c.getId()
                    + "），" + whereRepliesGo(u.channel()) + offHours();
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

    private ConversationRow openConversation(ChatUsers.ChatUser u, long community) {
        Optional<ConversationRow> open = openOf(u.openid());
        if (open.isPresent()) {
            return open.get();
        }
        ConversationRow c = new ConversationRow();
        c.setCommunityId(community);
        c.setOpenid(u.openid());
        c.setChannel(u.channel());
        c.setEscalation(0);
        c.setAppUserId(u.appUserId());
        c.setStatus(ConversationStatus.OPEN);
        c.setOpenKey(u.openid());
        c.setCreatedAt(now());
        c.setLastMessageAt(c.getCreatedAt());
        try {
            conversations.insert(c);
            return c;
        } catch (DuplicateKeyException e) {
            return openOf(u.openid()).orElseThrow(); // another instance opened it meanwhile
        }
    }

    private Optional<ConversationRow> openOf(String openid) {
        return Optional.ofNullable(conversations.selectOne(new LambdaQueryWrapper<ConversationRow>()
                .eq(ConversationRow::getOpenKey, openid)));
    }

    private void forward(ConversationRow c, String communityName, List<String> contents) {
        String text = forwardText(c, communityName, contents);
        // live accounts in scope only (StaffBindings.recipients): a disabled or moved account gets nothing
        List<BoundStaff> to = bindings.recipients(c.getCommunityId(), c.getAssignedStaffId());
        for (BoundStaff s : to) {
            deliveries.enqueue(DeliveryKind.FORWARD, s.openid(), text, null, c.getId(), null);
        }
    }

    /**
     * What staff get: the resident's masked name (never a user id), community, channel, upcoming bookings, the
     * message(s) and the commands to reply and to see earlier conversations.
     */
    String forwardText(ConversationRow c, String communityName, List<String> contents) {
        String name = c.getAppUserId() == null ? null : userDirectory.maskedName(c.getAppUserId()).orElse(null);
        String who = name != null ? "居民 " + name : c.getAppUserId() != null ? "居民（未留姓名）" : "居民 " + ChatUsers.shortId(c.getOpenid());
        StringBuilder b = new StringBuilder("【#").append(c.getId()).append(' ').append(communityName).append("】")
                .append(who).append("（").append(c.getChannel() == null ? ChatChannel.MP.label() : c.getChannel().label())
                .append("）留言：");
        // residents' text reaches staff with links defanged and markup escaped
        contents.forEach(s -> b.append('\n').append(SafeText.forStaff(s)));
        if (c.getAppUserId() != null) {
            List<BookingQueries.UpcomingBooking> next = bookings.upcoming(c.getAppUserId(), 3);
            if (!next.isEmpty()) {
                b.append("\n近期预约：");
                next.forEach(x -> b.append("\n· ").append(x.date().getMonthValue()).append('月').append(x.date().getDayOfMonth())
                        .append("日 ").append(x.start()).append(' ').append(x.stationName()).append(' ').append(x.serviceName())
                        .append('（').append(x.statusLabel()).append('）'));
            }
        }
        b.append("\n——回复请发送“#").append(c.getId()).append(" 回复内容”，往来记录发送“历史 ").append(c.getId()).append("”");
        return Deliveries.abbreviate(b.toString(), 1900);
    }

    // ---- staff (through WeChat or the HTTP API) ----

    /** A staff reply: stored and delivered to the resident after commit; the staff member's WeChat is told the outcome. */
    @Transactional
    public MessageRow reply(CurrentStaff staff, long conversationId, String content) {
        ConversationRow c = visible(staff, conversationId);
        if (!c.open()) {
            throw new BizException(ChatError.CONVERSATION_CLOSED, "会话 #" + c.getId() + " 已关闭，不能再回复");
        }
        String text = "【" + communityName(c.getCommunityId()) + "工作人员回复】" + content;
        Long id = insertMessage(c.getId(), c.getOpenid(), MessageDirection.OUT, staff.id(), "text", content, null,
                MessageDelivery.PENDING);
        conversations.staffReplied(c.getId(), now());
        String reportTo = bindings.byStaffId(staff.id()).map(BoundStaff::openid).orElse(null);
        deliveries.enqueue(DeliveryKind.REPLY, c.getChannel() == null ? ChatChannel.MP : c.getChannel(), c.getOpenid(), text, id,
                c.getId(), reportTo);
        return messages.selectById(id);
    }

    @Transactional
    public ConversationRow take(CurrentStaff staff, long conversationId) {
        ConversationRow c = visible(staff, conversationId);
        if (!c.open() || conversations.assign(c.getId(), staff.id()) == 0) {
            throw new BizException(ChatError.CONVERSATION_CLOSED, "会话 #" + c.getId() + " 已关闭");
        }
        return conversations.selectById(c.getId());
    }

    @Transactional
    public ConversationRow close(CurrentStaff staff, long conversationId) {
        ConversationRow c = visible(staff, conversationId);
        if (!c.open() || conversations.close(c.getId(), staff.id(), now()) == 0) {
            throw new BizException(ChatError.CONVERSATION_CLOSED, "会话 #" + c.getId() + " 已经关闭了");
        }
        return conversations.selectById(c.getId());
    }

    /**
     * The staff queue, most recent first: {@code communityId} narrows to one community (checked against the staff
     * member's scope), otherwise their whole scope. Three statements whatever the number of conversations.
     */
    List<QueueItem> queue(CurrentStaff staff, Long communityId, ConversationStatus status, int limit) {
        Optional<List<Long>> scope = staff.scope();
        if (communityId != null) {
            staff.requireCommunity(communityId);
            scope = Optional.of(List.of(communityId));
        }
        LambdaQueryWrapper<ConversationRow> q = new LambdaQueryWrapper<ConversationRow>().eq(ConversationRow::getStatus, status);
        scope.ifPresent(ids -> q.in(ConversationRow::getCommunityId, ids));
        List<ConversationRow> rows = conversations.selectPage(new Page<>(1, limit, false),
                q.orderByDesc(ConversationRow::getLastMessageAt).orderByDesc(ConversationRow::getId)).getRecords();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, CommunityRef> names = stations.communities(rows.stream().map(ConversationRow::getCommunityId).distinct().toList());
        Map<Long, MessageRow> last = messages.lastOf(rows.stream().map(ConversationRow::getId).toList()).stream()
                .collect(Collectors.toMap(MessageRow::getConversationId, Function.identity()));
        return rows.stream().map(c -> new QueueItem(c, nameIn(names, c.getCommunityId()), last.get(c.getId()))).toList();
    }

    /** One conversation with its messages, if the staff member may see it. Three statements whatever its length. */
    Thread thread(CurrentStaff staff, long conversationId) {
        ConversationRow c = visible(staff, conversationId);
        List<MessageRow> all = messages.selectList(new LambdaQueryWrapper<MessageRow>()
                .eq(MessageRow::getConversationId, conversationId).orderByAsc(MessageRow::getId));
        return new Thread(c, communityName(c.getCommunityId()), all);
    }

    /** The conversation if this staff member may see it (their scope only). */
    ConversationRow visible(CurrentStaff staff, long conversationId) {
        ConversationRow c = conversations.selectById(conversationId);
        if (c == null) {
            throw new BizException(ChatError.CONVERSATION_NOT_FOUND, "会话 #" + conversationId + " 不存在");
        }
        if (!staff.canSee(c.getCommunityId())) {
            throw new BizException(CommonError.FORBIDDEN, "会话 #" + conversationId + " 不属于您的社区，不能查看或回复");
        }
        return c;
    }

    String communityName(long communityId) {
        return stations.community(communityId).map(CommunityRef::name).orElse("社区");
    }

    private static String nameIn(Map<Long, CommunityRef> names, long communityId) {
        CommunityRef c = names.get(communityId);
        return c == null ? "社区" : c.name();
    }

    /** Null when the WeChat message was stored already (duplicate delivery). */
    private Long insertMessage(Long conversationId, String openid, MessageDirection direction, Long staffId, String msgType,
                               String content, String wxKey, MessageDelivery delivery) {
        MessageRow m = message(conversationId, openid, direction, staffId, msgType, content, wxKey, delivery);
        try {
            messages.insert(m);
        } catch (DuplicateKeyException e) {
            return null;
        }
        return m.getId();
    }

    private MessageRow message(Long conversationId, String openid, MessageDirection direction, Long staffId, String msgType,
                               String content, String wxKey, MessageDelivery delivery) {
        MessageRow m = new MessageRow();
        m.setConversationId(conversationId);
        m.setOpenid(openid);
        m.setDirection(direction);
        m.setStaffId(staffId);
        m.setMsgType(msgType);
        m.setContent(Deliveries.abbreviate(content, 2000));
        m.setWxMsgKey(wxKey);
        m.setDelivery(delivery);
        m.setBotHandled(false);
        m.setCreatedAt(now());
        return m;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
