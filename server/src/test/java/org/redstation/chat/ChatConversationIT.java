package org.redstation.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.wechat.sandbox.SandboxInbox;

/** Residents' messages reach their community's staff; staff replies reach the resident through the account. */
class ChatConversationIT extends ChatTestBase {

    @Test
    void residentMessageReachesStaffAndTheStaffReplyReachesTheResident() {
        String staffToken = boundStaff("conv-dsq", 1L, "conv-staff-dsq");
        String staff = mpOpenid("conv-staff-dsq");
        String resident = mpOpenid("conv-resident-1");

        assertThat(say(resident, "楼道的灯坏了三天了")).contains("请回复您所在的社区");
        String opened = say(resident, "大石桥");
        assertThat(opened).contains("大石桥社区").contains("会话 #");
        long no = conversationNo(opened);
        awaitMessage("custom", staff, "楼道的灯坏了三天了");
        SandboxInbox.Message fwd = awaitMessage("custom", staff, "#" + no);
        assertThat(fwd.body().path("text").path("content").asText()).contains("回复请发送“#" + no);

        // the next message goes to the same conversation without asking again
        assertThat(say(resident, "能不能今天来修？")).contains("#" + no);
        awaitMessage("custom", staff, "能不能今天来修");

        assertThat(say(staff, "待回复")).contains("#" + no);
        assertThat(say(staff, "#" + no + " 您好，电工明天上午上门。")).contains("正在发送");
        SandboxInbox.Message toResident = awaitMessage("custom", resident, "电工明天上午上门");
        assertThat(toResident.errcode()).isZero();
        awaitMessage("custom", staff, "#" + no + " 已通过客服消息送达");

        // outside the 48-hour window: template message, and the staff member is told so
        sandbox.setKefuWindowClosed(resident, true);
        assertThat(say(staff, "＃" + no + "　灯已修好，请确认。")).contains("正在发送");
        SandboxInbox.Message tpl = awaitMessage("template", resident, "灯已修好");
        assertThat(tpl.errcode()).isZero();
        assertThat(tpl.templateId()).isEqualTo("tpl-chat-reply");
        awaitMessage("custom", staff, "已改用模板消息");

        // everything is stored with the conversation
        JsonNode conv = api.get("/api/staff/chat/conversations/" + no, staffToken).expect(200).body();
        JsonNode msgs = conv.path("messages");
        assertThat(msgs).hasSize(4);
        assertThat(msgs.get(0).path("direction").asText()).isEqualTo("IN");
        assertThat(msgs.get(2).path("delivery").asText()).isEqualTo("CUSTOM");
        assertThat(msgs.get(3).path("delivery").asText()).isEqualTo("TEMPLATE");

        // close: further replies are refused, the resident's next message opens a new conversation
        assertThat(say(staff, "关闭 " + no)).contains("已关闭");
        assertThat(say(staff, "#" + no + " 还有问题吗")).contains("已关闭");
        sandbox.setKefuWindowClosed(resident, false);
        long next = conversationNo(say(resident, "又坏了"));
        assertThat(next).isNotEqualTo(no);
    }

    @Test
    void failedDeliveryIsReportedToTheStaffMember() {
        boundStaff("conv-fail", 2L, "conv-staff-fail");
        String staff = mpOpenid("conv-staff-fail");
        String resident = mpOpenid("conv-resident-fail");
        say(resident, "想咨询一下");
        long no = conversationNo(say(resident, "陈营社区"));
        sandbox.setKefuWindowClosed(resident, true);
        new org.redstation.support.Api(sandbox.baseUrl()).post("/sandbox/control", Map.of("action", "unfollow", "openid", resident));
        say(staff, "#" + no + " 您好");
        awaitMessage("custom", staff, "#" + no + " 发送失败");
    }

    @Test
    void staffSeeAndAnswerOnlyTheirOwnCommunity() {
        String tokenA = boundStaff("conv-a", 4L, "conv-staff-a");
        String tokenB = boundStaff("conv-b", 5L, "conv-staff-b");
        String staffB = mpOpenid("conv-staff-b");
        String resident = mpOpenid("conv-resident-a");
        say(resident, "我想反映噪音问题");
        long no = conversationNo(say(resident, "园林社区"));

        assertThat(say(staffB, "#" + no + " 我来回复")).contains("不属于您的社区");
        assertThat(say(staffB, "接单 " + no)).contains("不属于您的社区");
        assertThat(say(staffB, "关闭 " + no)).contains("不属于您的社区");
        assertThat(api.get("/api/staff/chat/conversations/" + no, tokenB).expect(403).code()).isEqualTo("FORBIDDEN");
        assertThat(api.post("/api/staff/chat/conversations/" + no + "/reply", Map.of("content", "x"), tokenB).expect(403).code())
                .isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/staff/chat/conversations", tokenB).expect(200).body().findValues("id").stream()
                .map(JsonNode::asLong)).doesNotContain(no);
        assertThat(api.get("/api/staff/chat/conversations", tokenA).expect(200).body().findValues("id").stream()
                .map(JsonNode::asLong)).contains(no);
        assertThat(api.get("/api/staff/chat/conversations?communityId=5", tokenA).expect(403).code()).isEqualTo("FORBIDDEN");

        // the HTTP API replies too; the district admin sees every community
        api.post("/api/staff/chat/conversations/" + no + "/reply", Map.of("content", "已联系物业处理噪音。"), tokenA).expect(200);
        awaitMessage("custom", resident, "已联系物业处理噪音");
        assertThat(api.get("/api/staff/chat/conversations/" + no, api.adminLogin()).expect(200).body()
                .path("conversation").path("communityName").asText()).isEqualTo("园林社区");
        api.post("/api/staff/chat/conversations/" + no + "/close", null, tokenA).expect(200);
        assertThat(api.post("/api/staff/chat/conversations/" + no + "/reply", Map.of("content", "x"), tokenA).expect(409).code())
                .isEqualTo("CONVERSATION_CLOSED");
        assertThat(api.get("/api/staff/chat/conversations/999999", tokenA).expect(404).code()).isEqualTo("CONVERSATION_NOT_FOUND");
    }

    @Test
    void takingAConversationSendsFurtherMessagesOnlyToTheTaker() {
        boundStaff("conv-take-1", 6L, "conv-take-1");
        boundStaff("conv-take-2", 6L, "conv-take-2");
        String one = mpOpenid("conv-take-1");
        String two = mpOpenid("conv-take-2");
        String resident = mpOpenid("conv-resident-take");
        say(resident, "请问低保怎么申请");
        long no = conversationNo(say(resident, "官庄社区"));
        awaitMessage("custom", one, "低保怎么申请");
        awaitMessage("custom", two, "低保怎么申请");
        assertThat(say(one, "接单 #" + no)).contains("已接单");
        say(resident, "需要带什么材料");
        awaitMessage("custom", one, "需要带什么材料");
        assertThat(say(two, "待回复")).contains("他人已接单");
        assertThat(sandbox.inbox().find("custom", two, null).stream().noneMatch(m -> m.body().toString().contains("需要带什么材料"))).isTrue();
    }

    @Test
    void unboundUsersCannotUseStaffCommandsAndBindingCodesWorkOnce() {
        String stranger = mpOpenid("conv-stranger");
        assertThat(say(stranger, "#1 你好")).contains("仅限社区工作人员");
        assertThat(say(stranger, "待回复")).contains("仅限社区工作人员");
        assertThat(say(stranger, "关闭 1")).contains("仅限社区工作人员");
        assertThat(say(stranger, "绑定 000000")).contains("绑定码无效");

        String admin = api.adminLogin();
        api.post("/api/staff/accounts", Map.of("username", "conv-once", "password", "secret-pass-1", "displayName", "一次",
                "communityId", 7), admin).expect(201);
        String token = api.staffLogin("conv-once", "secret-pass-1");
        String code = api.post("/api/staff/chat/binding-code", null, token).expect(200).body().path("code").asText();
        assertThat(code).matches("\\d{6}");
        assertThat(say(mpOpenid("conv-once"), "绑定 " + code)).startsWith("绑定成功");
        assertThat(say(mpOpenid("conv-once-other"), "绑定 " + code)).contains("绑定码无效");
        assertThat(api.get("/api/staff/chat/binding", token).expect(200).body().path("bound").asBoolean()).isTrue();
        assertThat(say(mpOpenid("conv-once"), "解绑")).contains("已解除绑定");
        assertThat(say(mpOpenid("conv-once"), "待回复")).contains("仅限社区工作人员");
    }

    @Test
    void imagesAndOtherMediaJoinTheConversation() {
        boundStaff("conv-media", 10L, "conv-media-staff");
        String staff = mpOpenid("conv-media-staff");
        String resident = mpOpenid("conv-media-res");
        say(resident, "看看这个");
        conversationNo(say(resident, "鼎府社区"));
        String image = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + resident
                + "]]></FromUserName><CreateTime>1700000002</CreateTime><MsgType><![CDATA[image]]></MsgType>"
                + "<PicUrl><![CDATA[http://img.example/1.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>" + nextMsgId()
                + "</MsgId></xml>";
        assertThat(post(image).content()).contains("已转给");
        // links in forwards are defanged (SafeText), WeChat image links too: staff open images in the console
        awaitMessage("custom", staff, "[图片] hxxp://img.example/1.jpg");
    }

    @Test
    void onlyAdministratorsPublishTheMenu() {
        String admin = api.adminLogin();
        String staff = boundStaff("conv-menu", 11L, "conv-menu-staff");
        assertThat(api.post("/api/staff/chat/menu/publish", null, staff).expect(403).code()).isEqualTo("FORBIDDEN");
        JsonNode menu = api.post("/api/staff/chat/menu/publish", null, admin).expect(200).body();
        assertThat(menu.path("button")).hasSize(3);
        SandboxInbox.Message m = sandbox.inbox().find("menu", null, null).get(sandbox.inbox().find("menu", null, null).size() - 1);
        assertThat(m.errcode()).isZero();
        assertThat(m.body().toString()).contains("附近驿站").contains("\"key\":\"NEARBY\"").contains("\"type\":\"miniprogram\"")
                .contains("pages/member/center/index");
    }
}
