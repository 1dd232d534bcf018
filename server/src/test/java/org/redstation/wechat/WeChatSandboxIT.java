package org.redstation.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage.MsgData;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** The sandbox through the real WxJava SDK over HTTP. */
class WeChatSandboxIT extends IntegrationTest {
    @Autowired
    WxMaService ma;
    @Autowired
    WxMpService mp;

    @Test
    void qrCodeIsAJpegThatDecodesToPageAndScene() throws Exception {
        byte[] img = ma.getQrcodeService().createWxaCodeUnlimitBytes("s=CY01", "pages/station/index", false, "release", 430, true, null, false);
        assertThat(img[0] & 0xff).isEqualTo(0xFF); // JPEG magic
        assertThat(img[1] & 0xff).isEqualTo(0xD8);
        var image = ImageIO.read(new ByteArrayInputStream(img));
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertThat(text).contains("/pages/station/index?scene=s%3DCY01");
    }

    @Test
    void qrCodeRefusesALongScene() {
        assertThatThrownBy(() -> ma.getQrcodeService().createWxaCodeUnlimitBytes("x".repeat(33), "pages/station/index",
                false, "release", 430, true, null, false))
                .isInstanceOfSatisfying(WxErrorException.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(40169));
    }

    @Test
    void subscribeMessagesAreRecordedAndReadableOverHttp() throws Exception {
        String openid = openidOf("sandbox-it-sub");
        sandbox.acceptSubscribe(openid, "TPL_BOOKED");
        ma.getSubscribeService().sendSubscribeMsg(WxMaSubscribeMessage.builder().toUser(openid).templateId("TPL_BOOKED")
                .page("pages/index/index").data(List.of(new MsgData("thing1", "晚间一小时"), new MsgData("time2", "2026-12-01 18:00")))
                .build());
        Api.Resp inbox = new Api(sandbox.baseUrl()).get("/sandbox/inbox?type=subscribe&touser=" + openid).expect(200);
        var m = inbox.body().path("messages").get(0);
        assertThat(m.path("templateId").asText()).isEqualTo("TPL_BOOKED");
        assertThat(m.path("errcode").asInt()).isZero();
        assertThat(m.path("body").path("data").path("thing1").path("value").asText()).isEqualTo("晚间一小时");
    }

    @Test
    void sandboxesOfOneJvmAreOneWeChatSoAnyContextsOutboxDeliversAgainstTheSameAcceptance() throws Exception {
        // tests keep several contexts alive, each with its own sandbox, all polling one outbox table: the acceptance the
        // phone gave must be there whichever sandbox a context's poller reaches, and used once in all of them
        String openid = openidOf("sandbox-it-one-wechat");
        try (var other = new org.redstation.wechat.sandbox.WxSandboxServer("127.0.0.1", 0, 7200)) {
            other.start();
            other.acceptSubscribe(openid, "TPL_SHARED");
            WxMaSubscribeMessage m = WxMaSubscribeMessage.builder().toUser(openid).templateId("TPL_SHARED")
                    .data(List.of(new MsgData("thing1", "提醒"))).build();
            ma.getSubscribeService().sendSubscribeMsg(m); // through this context's sandbox
            assertThat(other.acceptancesLeft(openid, "TPL_SHARED")).isZero();
            assertThatThrownBy(() -> ma.getSubscribeService().sendSubscribeMsg(m))
                    .isInstanceOfSatisfying(WxErrorException.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(43101));
            assertThat(other.inbox().find("subscribe", openid, null)).extracting(x -> x.errcode()).containsExactly(0, 43101);
        }
    }

    @Test
    void badTemplateDataIs47003AndRefusingUserIs43101() {
        String openid = openidOf("sandbox-it-bad");
        sandbox.acceptSubscribe(openid, "T");
        assertThatThrownBy(() -> ma.getSubscribeService().sendSubscribeMsg(WxMaSubscribeMessage.builder().toUser(openid)
                .templateId("T").data(List.of(new MsgData("thing1", "这是一段超过二十个字的很长很长很长很长的文字内容"))).build()))
                .isInstanceOfSatisfying(WxErrorException.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(47003));
        sandbox.setRefusesSubscribe(openid, true);
        assertThatThrownBy(() -> ma.getSubscribeService().sendSubscribeMsg(WxMaSubscribeMessage.builder().toUser(openid)
                .templateId("T").data(List.of(new MsgData("thing1", "ok"))).build()))
                .isInstanceOfSatisfying(WxErrorException.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(43101));
    }

    @Test
    void aSubscribeMessageIsDeliveredOnlyAgainstAnAcceptanceOneSendEach() throws Exception {
        String openid = openidOf("sandbox-it-consent");
        WxMaSubscribeMessage m = WxMaSubscribeMessage.builder().toUser(openid).templateId("TPL_ONCE")
                .data(List.of(new MsgData("thing1", "提醒"))).build();
        assertThatThrownBy(() -> ma.getSubscribeService().sendSubscribeMsg(m))
                .isInstanceOfSatisfying(WxErrorException.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(43101));
        // what wx.requestSubscribeMessage answered on the phone, through the control endpoint as the client would
        new Api(sandbox.baseUrl()).post("/sandbox/control", java.util.Map.of("action", "subscribe-result", "openid", openid,
                "results", java.util.Map.of("TPL_ONCE", "accept", "TPL_OTHER", "reject"))).expect(200);
        ma.getSubscribeService().sendSubscribeMsg(m);
        assertThatThrownBy(() -> ma.getSubscribeService().sendSubscribeMsg(m))
                .isInstanceOfSatisfying(WxErrorException.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(43101));
        assertThat(sandbox.acceptancesLeft(openid, "TPL_OTHER")).isZero();
        // long-term templates need no acceptance per send
        new Api(sandbox.baseUrl()).post("/sandbox/control", java.util.Map.of("action", "long-term-template",
                "templateId", "TPL_ONCE", "longTerm", true)).expect(200);
        ma.getSubscribeService().sendSubscribeMsg(m);
        ma.getSubscribeService().sendSubscribeMsg(m);
        sandbox.setLongTermTemplate("TPL_ONCE", false);
        assertThat(sandbox.inbox().find("subscribe", openid, null).stream().map(x -> x.errcode()).toList())
                .containsExactly(43101, 0, 43101, 0, 0);
    }

    @Test
    void officialAccountTemplateAndCustomerServiceMessages() throws Exception {
        String openid = openidOf("sandbox-it-mp");
        String msgid = mp.getTemplateMsgService().sendTemplateMsg(WxMpTemplateMessage.builder().toUser(openid).templateId("TPL_REPLY")
                .data(List.of(new WxMpTemplateData("thing1", "您好"))).build());
        assertThat(msgid).isNotBlank();
        assertThat(mp.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openid).content("您好").build())).isTrue();
        sandbox.setKefuWindowClosed(openid, true);
        assertThatThrownBy(() -> mp.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openid).content("晚了").build()))
                .isInstanceOfSatisfying(WxErrorException.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(45015));
        assertThat(sandbox.inbox().find("custom", openid, null)).hasSize(2);
    }

    @Test
    void revokedTokenIsRefreshedOnceAndTheCallSucceeds() throws Exception {
        ma.getAccessToken();
        sandbox.revokeTokens();
        byte[] img = ma.getQrcodeService().createWxaCodeUnlimitBytes("s=AFTER", "pages/station/index", false, "release", 280, true, null, false);
        assertThat(img.length).isGreaterThan(100);
    }

    @Test
    void twoInstancesShareOneAccessTokenThroughRedis() throws Exception {
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            WxMaService other = second.getBean(WxMaService.class);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> tokens = new java.util.ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    WxMaService s = i % 2 == 0 ? ma : other;
                    tokens.add(pool.submit(() -> s.getAccessToken()));
                }
                String first = tokens.get(0).get();
                for (Future<String> t : tokens) {
                    assertThat(t.get()).isEqualTo(first);
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
