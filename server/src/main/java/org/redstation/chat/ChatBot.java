package org.redstation.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.annotation.PreDestroy;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.redstation.chat.StaffBindings.BoundStaff;
import org.redstation.common.BizException;
import org.redstation.station.OnDutyProvider;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.redstation.wechat.WeChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The bot: a WxJava {@link WxMpMessageRouter} whose rules all answer synchronously ({@code async(false)}),
 * so the portal can put the answer into the HTTP response. Slow work (customer-service messages) goes to
 * {@link Deliveries}.
 *
 * <p>Text goes through, in order: "绑定 123456"; staff commands ("#12 内容", "待回复", "接单 12", "关闭 12",
 * "解绑"); the answer to "请回复您所在的社区"; {@link BotCommand} beans; the coming-soon commands; keyword
 * rules from the database; built-in keywords (帮助/菜单, 附近驿站, 预约); a station name; and finally a
 * conversation with the resident's community staff.
 */
@Component
class ChatBot {
    private static final Logger log = LoggerFactory.getLogger(ChatBot.class);
    private static final Pattern BIND = Pattern.compile("^绑定\\s*(\\d{6})$");
    private static final Pattern STAFF_REPLY = Pattern.compile("^#\\s*(\\d{1,12})\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern TAKE = Pattern.compile("^(接单|接手|认领)\\s*#?\\s*(\\d{1,12})$");
    private static final Pattern CLOSE = Pattern.compile("^(关闭|结束)\\s*#?\\s*(\\d{1,12})$");
    private static final List<String> COMING_SOON = List.of("我的预约", "签到", "签退", "我的值班");
    private static final List<String> NEARBY = List.of("附近驿站", "附近的驿站", "驿站", "找驿站", "最近的驿站");
    private static final List<String> BOOK = List.of("预约", "预约服务", "我要预约");
    private static final List<String> HELP = List.of("帮助", "菜单", "help", "你好", "您好");

    private final WxMpMessageRouter router;
    private final ExecutorService routerPool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wx-router");
        t.setDaemon(true);
        return t;
    });
    private final ChatUsers users;
    private final RuleService rules;
    private final Conversations conversations;
    private final StaffBindings bindings;
    private final StationApi stations;
    private final ObjectProvider<OnDutyProvider> onDuty;
    private final List<BotCommand> commands;
    private final ChatProperties props;
    private final WeChatProperties wx;
    private final Deliveries deliveries;

    ChatBot(WxMpService mp, ChatUsers users, RuleService rules, Conversations conversations, StaffBindings bindings,
            StationApi stations, ObjectProvider<OnDutyProvider> onDuty, List<BotCommand> commands, ChatProperties props,
            WeChatProperties wx, Deliveries deliveries) {
        this.users = users;
        this.rules = rules;
        this.conversations = conversations;
        this.bindings = bindings;
        this.stations = stations;
        this.onDuty = onDuty;
        this.commands = commands;
        this.props = props;
        this.wx = wx;
        this.deliveries = deliveries;
        // duplicates are filtered by the portal (Redis, across instances) before routing
        router = new WxMpMessageRouter(mp, routerPool);
        router.setMessageDuplicateChecker(id -> false);
        router
                .rule().async(false).msgType(WxConsts.XmlMsgType.EVENT).event(WxConsts.EventType.SUBSCRIBE).handler(text(this::subscribe)).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.EVENT).event(WxConsts.EventType.CLICK).handler(text(this::click)).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.EVENT).handler(text(m -> null)).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.TEXT).handler(text(m -> onText(m, m.getContent()))).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.LOCATION).handler(text(this::location)).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.VOICE).handler(text(this::voice)).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.IMAGE).handler(text(m -> media(m, "[图片] " + nz(m.getPicUrl())))).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.LINK).handler(text(m -> media(m, "[链接] " + nz(m.getTitle()) + " " + nz(m.getUrl())))).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.VIDEO).handler(text(m -> media(m, "[视频]"))).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.SHORTVIDEO).handler(text(m -> media(m, "[小视频]"))).end()
                .rule().async(false).handler(text(m -> "暂时不支持这种消息，请发送文字或位置。回复“帮助”查看我能做什么。")).end();
    }

    @PreDestroy
    void stop() {
        routerPool.shutdownNow();
    }

    /** The answer to a message (null = no answer). */
    WxMpXmlOutMessage route(WxMpXmlMessage m) {
        return router.route(m);
    }

    private interface TextAnswer {
        String answer(WxMpXmlMessage m);
    }

    private static WxMpMessageHandler text(TextAnswer a) {
        return (WxMpXmlMessage m, Map<String, Object> ctx, WxMpService svc, WxSessionManager sm) -> {
            String reply = a.answer(m);
            return reply == null ? null
                    : WxMpXmlOutMessage.TEXT().content(reply).fromUser(m.getToUser()).toUser(m.getFromUser()).build();
        };
    }

    // ---- events ----

    private String subscribe(WxMpXmlMessage m) {
        ChatUsers.ChatUser u = users.touch(m.getFromUser());
        deliveries.runLater(() -> users.link(u));
        return welcome();
    }

    private static String welcome() {
        return ("欢迎关注红色驿站！这里是您身边的“党群服务站”。\n"
                + "· 发送位置或“附近驿站”：找最近的驿站\n· 发送驿站名称：看服务、开放情况和值班\n· “预约”：预约驿站服务；“我的预约”\n"
                + "· “心愿”：发布微心愿\n· 党员：“签到”“签退”“我的值班”\n其他问题直接留言，社区工作人员会通过本公众号回复您。");
    }

    private String click(WxMpXmlMessage m) {
        String key = nz(m.getEventKey()).toUpperCase(Locale.ROOT);
        return switch (key) {
            case "NEARBY" -> onText(m, "附近驿站");
            case "MY_BOOKINGS" -> onText(m, "我的预约");
            case "BOOK" -> onText(m, "预约");
            case "MY_DUTY" -> onText(m, "我的值班");
            case "CONTACT" -> "请直接发送您的问题或诉求，我们会转给您所在社区的工作人员，工作人员会通过本公众号回复您。";
            default -> onText(m, "帮助");
        };
    }

    // ---- text ----

    private String onText(WxMpXmlMessage m, String raw) {
        String openid = m.getFromUser();
        String folded = TextNormalizer.fold(raw);
        if (folded.isEmpty()) {
            return "请输入文字内容。回复“帮助”查看我能做什么。";
        }
        if (raw.length() > props.maxContentLength()) {
            return "消息太长了（最多" + props.maxContentLength() + "字），请分几条发送。";
        }
        String n = TextNormalizer.normalize(folded);

        Matcher bind = BIND.matcher(folded);
        if (bind.matches()) {
            return bindings.bind(openid, bind.group(1))
                    .map(s -> "绑定成功！" + s.displayName() + "，您将在这里收到" + (s.communityId() == null ? "各社区（无人绑定时）"
                            : conversations.communityName(s.communityId())) + "居民的留言。\n回复“#编号 内容”回复居民，“待回复”查看未结会话。")
                    .orElse("绑定码无效或已过期，请在工作台重新获取绑定码。");
        }
        String staffAnswer = staffCommand(openid, folded, n);
        if (staffAnswer != null) {
            return staffAnswer;
        }

        ChatUsers.ChatUser u = users.touch(openid);
        if (u.awaitingCommunity()) {
            Optional<Conversations.Community> c = conversations.findCommunity(folded);
            if (c.isPresent()) {
                return conversations.communityNamed(u, c.get());
            }
        }
        for (BotCommand cmd : commands) {
            if (cmd.keywords().stream().map(TextNormalizer::normalize).anyMatch(n::equals)) {
                if (u.appUserId() == null) {
                    u = users.link(u);
                }
                String r = cmd.reply(u.bot(), folded);
                if (r != null) {
                    return r;
                }
            }
        }
        if (COMING_SOON.contains(n)) {
            return "“" + folded + "”功能即将开放，敬请期待。您也可以先在小程序“红色驿站”中查看。";
        }
        Optional<String> rule = rules.match(folded, u.communityId());
        if (rule.isPresent()) {
            return rule.get();
        }
        if (HELP.contains(n)) {
            return welcome();
        }
        if (NEARBY.contains(n)) {
            return "请点击输入框旁的“+”，选择“位置”发送您的位置，我来为您找最近的红色驿站。";
        }
        if (BOOK.contains(n)) {
            return "预约驿站服务请进入小程序：" + miniLink(props.bookingPage(), "点这里预约") + "\n在小程序中选择驿站、服务和时间即可。";
        }
        String station = stationAnswer(folded, n);
        if (station != null) {
            return station;
        }
        return conversations.residentMessage(u, "text", folded, wxKey(m));
    }

    /** Staff commands; null when the text is not one. Unbound users get told to bind first. */
    private String staffCommand(String openid, String folded, String n) {
        Matcher reply = STAFF_REPLY.matcher(folded);
        Matcher take = TAKE.matcher(folded);
        Matcher close = CLOSE.matcher(folded);
        boolean list = n.equals("待回复") || n.equals("待处理");
        boolean unbind = n.equals("解绑") || n.equals("解除绑定");
        if (!reply.matches() && !take.matches() && !close.matches() && !list && !unbind) {
            return null;
        }
        Optional<BoundStaff> bound = bindings.byOpenid(openid);
        if (bound.isEmpty()) {
            return "该指令仅限社区工作人员使用。工作人员请先在工作台获取绑定码，再发送“绑定 123456”。";
        }
        BoundStaff s = bound.get();
        var who = Conversations.BoundStaffOrHttp.of(s);
        try {
            if (unbind) {
                bindings.unbind(openid);
                return "已解除绑定，您将不再收到居民留言。";
            }
            if (list) {
                List<Conversations.Conversation> open = conversations.list(s.communityId(), "OPEN", 20);
                if (open.isEmpty()) {
                    return "目前没有待回复的会话。";
                }
                StringBuilder b = new StringBuilder("待回复会话（最近" + open.size() + "个）：");
                for (Conversations.Conversation c : open) {
                    List<Conversations.Message> msgs = conversations.messages(c.id());
                    String last = msgs.isEmpty() ? "" : Deliveries.abbreviate(msgs.get(msgs.size() - 1).content(), 30);
                    b.append("\n#").append(c.id()).append(' ').append(conversations.communityName(c.communityId()))
                            .append(c.assignedStaffId() == null ? "（未接单）" : c.assignedStaffId() == s.staffId() ? "（我已接单）" : "（他人已接单）")
                            .append("：").append(last);
                }
                b.append("\n回复“#编号 内容”回复居民，“接单 编号”接单，“关闭 编号”结束会话。");
                return b.toString();
            }
            if (take.matches()) {
                var c = conversations.take(who, Long.parseLong(take.group(2)));
                return "已接单 #" + c.id() + "，居民后续留言只转给您。";
            }
            if (close.matches()) {
                var c = conversations.close(who, Long.parseLong(close.group(2)));
                return "会话 #" + c.id() + " 已关闭。";
            }
            String content = reply.group(2).strip();
            if (content.isEmpty()) {
                return "请在编号后写上回复内容，例如：#" + reply.group(1) + " 您好，已安排人员上门。";
            }
            conversations.reply(who, Long.parseLong(reply.group(1)), content);
            return "正在发送给居民（#" + reply.group(1) + "），发送结果稍后告诉您。";
        } catch (BizException e) {
            return e.userMessage();
        }
    }

    // ---- stations ----

    private String location(WxMpXmlMessage m) {
        if (m.getLocationX() == null || m.getLocationY() == null) {
            return "没有收到位置，请重新发送。";
        }
        List<StationApi.Nearby> near = stations.nearby(m.getLocationX(), m.getLocationY(), 3);
        if (near.isEmpty()) {
            return "附近暂时没有开放的红色驿站。";
        }
        StringBuilder b = new StringBuilder("离您最近的红色驿站：");
        int i = 1;
        for (StationApi.Nearby n : near) {
            StationRef s = n.station();
            b.append("\n").append(i++).append(". ").append(s.name()).append("（").append(distance(n.distanceMeters())).append("）")
                    .append(s.isOpen() ? "" : "【暂停服务】").append("\n   ").append(s.address()).append("\n   ")
                    .append(miniLink(props.stationPage() + "?id=" + s.id(), "查看服务与预约"));
        }
        b.append("\n回复驿站名称可查看值班情况。");
        return b.toString();
    }

    private String stationAnswer(String folded, String n) {
        if (n.length() < 2 || n.length() > 30) {
            return null;
        }
        Optional<StationRef> byCode = stations.findByCode(folded.toUpperCase(Locale.ROOT));
        List<StationRef> found = byCode.map(List::of).orElseGet(() -> stations.search(folded, 6));
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            Optional<StationRef> exact = found.stream().filter(s -> TextNormalizer.normalize(s.name()).equals(n)).findFirst();
            if (exact.isEmpty()) {
                StringBuilder b = new StringBuilder("找到这些驿站，请回复完整名称：");
                found.stream().limit(5).forEach(s -> b.append("\n· ").append(s.name()));
                return b.toString();
            }
            found = List.of(exact.get());
        }
        StationRef s = found.get(0);
        StringBuilder b = new StringBuilder(s.name()).append("\n").append(switch (s.status()) {
            case "OPEN" -> "正常开放";
            case "PAUSED" -> "暂停服务";
            default -> "已关闭";
        }).append(" · ").append(s.communityName()).append("\n地址：").append(s.address());
        OnDutyProvider duty = onDuty.getIfAvailable();
        if (duty != null) {
            List<OnDutyProvider.OnDutyPerson> people = new ArrayList<>();
            try {
                people.addAll(duty.onDutyNow(s.id()));
            } catch (RuntimeException e) {
                log.info("on-duty lookup failed for station {}: {}", s.id(), e.toString());
            }
            if (people.isEmpty()) {
                b.append("\n当前值班：暂无");
            } else {
                b.append("\n当前值班：");
                people.forEach(p -> b.append(p.maskedName()).append(p.organisation() == null ? "" : "（" + p.organisation() + "）").append(' '));
            }
        }
        b.append("\n服务项目和开放时间：").append(miniLink(props.stationPage() + "?id=" + s.id(), "在小程序中查看"));
        return b.toString();
    }

    // ---- other messages ----

    private String voice(WxMpXmlMessage m) {
        String rec = m.getRecognition();
        if (rec != null && !rec.isBlank()) {
            return onText(m, rec);
        }
        return media(m, "[语音]");
    }

    private String media(WxMpXmlMessage m, String description) {
        ChatUsers.ChatUser u = users.touch(m.getFromUser());
        return conversations.residentMessage(u, nz(m.getMsgType()), Deliveries.abbreviate(description, 500), wxKey(m));
    }

    /** The key that identifies a WeChat message for storing it once. */
    static String wxKey(WxMpXmlMessage m) {
        if (m.getMsgId() != null) {
            return "m:" + m.getMsgId();
        }
        return "e:" + m.getFromUser() + ":" + m.getCreateTime() + ":" + nz(m.getEvent()) + ":" + nz(m.getEventKey());
    }

    private String miniLink(String page, String label) {
        String appid = wx.miniapp().appid();
        return "<a data-miniprogram-appid=\"" + appid + "\" data-miniprogram-path=\"" + page + "\" href=\"https://mp.weixin.qq.com\">"
                + label + "</a>";
    }

    private static String distance(int meters) {
        return meters < 1000 ? meters + "米" : String.format("%.1f公里", meters / 1000.0);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
