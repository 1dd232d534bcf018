package org.redstation.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;
import org.redstation.wechat.sandbox.SandboxIdentity;
import org.springframework.beans.factory.annotation.Autowired;

/** The sandbox's GET /cgi-bin/user/info: known official-account followers with the unionid of their code. */
class SandboxUserInfoIT extends IntegrationTest {
    @Autowired
    WxMpService mp;

    @Test
    void registeredUsersHaveTheUnionidOfTheirCode() throws Exception {
        Api sb = new Api(sandbox.baseUrl());
        Api.Resp r = sb.post("/sandbox/control", Map.of("action", "register-user", "code", "sandbox-info-1")).expect(200);
        String openid = r.body().path("openids").path("wx-sandbox-mp").asText();
        assertThat(openid).isEqualTo(SandboxIdentity.openid("wx-sandbox-mp", "sandbox-info-1"));
        WxMpUser u = mp.getUserService().userInfo(openid);
        assertThat(u.getOpenId()).isEqualTo(openid);
        assertThat(u.getUnionId()).isEqualTo(SandboxIdentity.unionid("sandbox-info-1"));
        assertThat(u.getSubscribe()).isTrue();
        assertThat(sb.post("/sandbox/control", Map.of("action", "register-user", "code", "bad-code")).status()).isEqualTo(400);
    }

    @Test
    void openidLookupAlsoRegistersAndUnknownOpenidsAreRefused() throws Exception {
        String openid = new Api(sandbox.baseUrl()).get("/sandbox/openid?appid=wx-sandbox-mp&code=sandbox-info-2").expect(200)
                .body().path("openid").asText();
        assertThat(mp.getUserService().userInfo(openid).getUnionId()).isEqualTo(SandboxIdentity.unionid("sandbox-info-2"));
        assertThatThrownBy(() -> mp.getUserService().userInfo(SandboxIdentity.openid("wx-sandbox-mp", "never-seen")))
                .isInstanceOfSatisfying(WxErrorException.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(40003));
    }
}
