package org.redstation.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.redstation.wechat.sandbox.SandboxIdentity;
import org.redstation.wechat.sandbox.WxSandboxServer;

/**
 * What the mini-program does when a user taps 允许 in wx.requestSubscribeMessage: WeChat's client records
 * the acceptance (here: the sandbox) and the page reports it to our server (POST /api/notify/consents).
 * Template ids are the test configuration's defaults, {@code tpl-<key>}.
 */
public final class Subscriptions {
    private final Api api;
    private final WxSandboxServer sandbox;

    public Subscriptions(Api api, WxSandboxServer sandbox) {
        this.api = api;
        this.sandbox = sandbox;
    }

    /** The user of login {@code code} (session {@code token}) accepts each template once. */
    public void accept(String code, String token, String... templateKeys) {
        answer(code, token, "accept", templateKeys);
    }

    /** The user taps 取消 (reject): WeChat records nothing to send against, the page still reports it. */
    public void reject(String code, String token, String... templateKeys) {
        answer(code, token, "reject", templateKeys);
    }

    private void answer(String code, String token, String answer, String... keys) {
        Map<String, String> byId = new LinkedHashMap<>();
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String k : keys) {
            byId.put("tpl-" + k, answer);
            byKey.put(k, answer);
        }
        sandbox.recordSubscribeResult(SandboxIdentity.openid(System.getProperty("WX_MA_APPID", "wx-sandbox-miniapp"), code), byId);
        api.post("/api/notify/consents", Map.of("results", byKey), token).expect(200);
    }
}
