package org.redstation.wechat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.sun.net.httpserver.HttpExchange;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The WeChat endpoints of the sandbox, plus its own /sandbox/* pages for tests and developers. */
final class SandboxApi {
    /** What WeChat allows in a wxacode scene. */
    private static final Pattern SCENE = Pattern.compile("[0-9A-Za-z!#$&'()*+,/:;=?@\\-._~]{1,32}");
    private static final Pattern OPENID = Pattern.compile("o[A-Za-z0-9_-]{27}");
    /** What the mini-program customer-service API sends (the official account has more: news, music, …). */
    private static final Pattern MA_KEFU_TYPES = Pattern.compile("text|image|link|miniprogrampage");
    private static final Pattern ACCOUNT_QR_ACTIONS = Pattern.compile("QR_SCENE|QR_STR_SCENE|QR_LIMIT_SCENE|QR_LIMIT_STR_SCENE");
    private final WxSandboxServer s;

    SandboxApi(WxSandboxServer s) {
        this.s = s;
    }

    void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (!path.startsWith("/sandbox") && !"/".equals(path) && WxSandboxServer.outage != WxSandboxServer.Outage.NONE) {
                outage(ex, path);
                return;
            }
            switch (path) {
                case "/cgi-bin/token" -> token(ex, WxSandboxServer.query(ex));
                case "/cgi-bin/stable_token" -> stableToken(ex);
                case "/sns/jscode2session" -> jscode2session(ex, WxSandboxServer.query(ex));
                case "/wxa/getwxacodeunlimit" -> authed(ex, this::wxacode);
                case "/wxa/business/getuserphonenumber" -> authed(ex, this::phone);
                case "/cgi-bin/message/subscribe/send" -> authed(ex, this::subscribe);
                case "/cgi-bin/message/template/send" -> authed(ex, this::template);
                case "/cgi-bin/message/custom/send" -> authed(ex, this::custom);
                case "/cgi-bin/menu/create" -> authed(ex, this::menu);
                case "/cgi-bin/qrcode/create" -> authed(ex, this::accountQrcode);
                case "/cgi-bin/user/info" -> authed(ex, this::userInfo);
                case "/sandbox/inbox" -> {
                    if ("DELETE".equals(method)) {
                        s.inbox.clear();
                        s.sendJson(ex, 200, Map.of("cleared", true));
                    } else {
                        inbox(ex, WxSandboxServer.query(ex));
                    }
                }
                case "/sandbox/control" -> control(ex);
                case "/sandbox/openid" -> {
                    Map<String, String> q = WxSandboxServer.query(ex);
                    String openid = SandboxIdentity.openid(q.getOrDefault("appid", ""), q.getOrDefault("code", ""));
                    s.knownUsers.put(openid, q.getOrDefault("code", ""));
                    s.sendJson(ex, 200, Map.of("openid", openid));
                }
                case "/", "/sandbox", "/sandbox/" -> WxSandboxServer.send(ex, 200, "text/plain; charset=UTF-8", help().getBytes(StandardCharsets.UTF_8));
                default -> s.sendError(ex, 40066, "invalid url");
            }
        } catch (Exception e) {
            WxSandboxServer.log().warn("sandbox failed on {}: {}", ex.getRequestURI().getPath(), e.toString());
        }
    }

    /** During an outage: -1 "system busy" (HTTP 200, as WeChat answers) or a bare HTTP 500; counted, never delivered. */
    private void outage(HttpExchange ex, String path) throws IOException {
        ex.getRequestBody().readAllBytes();
        WxSandboxServer.outageHits.incrementAndGet();
        if (WxSandboxServer.outage == WxSandboxServer.Outage.BUSY) {
            s.sendError(ex, -1, "system error");
        } else {
            WxSandboxServer.send(ex, 500, "text/plain; charset=UTF-8", "Internal Server Error".getBytes(StandardCharsets.UTF_8));
        }
    }

    private interface Authed {
        void handle(HttpExchange ex, String appid, JsonNode body) throws IOException;
    }

    private void authed(HttpExchange ex, Authed h) throws IOException {
        String token = WxSandboxServer.query(ex).get("access_token");
        int err = s.tokens.check(token);
        if (err == 41001) {
            s.sendError(ex, 41001, "access_token missing");
            return;
        }
        if (err == 40001) {
            s.sendError(ex, 40001, "invalid credential, access_token is invalid or not latest");
            return;
        }
        if (err == 42001) {
            s.sendError(ex, 42001, "access_token expired");
            return;
        }
        JsonNode body = s.body(ex);
        if (body == null || !body.isObject()) {
            s.sendError(ex, 47001, "data format error");
            return;
        }
        h.handle(ex, s.tokens.appidOf(token), body);
    }

    private void token(HttpExchange ex, Map<String, String> q) throws IOException {
        if (!"client_credential".equals(q.get("grant_type"))) {
            s.sendError(ex, 40002, "invalid grant_type");
            return;
        }
        issue(ex, q.get("appid"), q.get("secret"));
    }

    private void stableToken(HttpExchange ex) throws IOException {
        JsonNode b = s.body(ex);
        if (b == null) {
            s.sendError(ex, 47001, "data format error");
            return;
        }
        issue(ex, b.path("appid").asText(null), b.path("secret").asText(null));
    }

    private void issue(HttpExchange ex, String appid, String secret) throws IOException {
        if (appid == null || !s.apps.containsKey(appid)) {
            s.sendError(ex, 40013, "invalid appid");
            return;
        }
        if (!s.apps.get(appid).equals(secret)) {
            s.sendError(ex, 40125, "invalid appsecret");
            return;
        }
        s.sendJson(ex, 200, Map.of("access_token", s.tokens.issue(appid), "expires_in", s.tokens.ttlSeconds()));
    }

    private void jscode2session(HttpExchange ex, Map<String, String> q) throws IOException {
        String appid = q.get("appid");
        String code = q.get("js_code");
        if (appid == null || !s.apps.containsKey(appid)) {
            s.sendError(ex, 40013, "invalid appid");
            return;
        }
        if (!s.apps.get(appid).equals(q.get("secret"))) {
            s.sendError(ex, 40125, "invalid appsecret");
            return;
        }
        if (code == null || code.isEmpty()) {
            s.sendError(ex, 41008, "missing code");
            return;
        }
        if (code.startsWith("ratelimit")) {
            s.sendError(ex, 45011, "api minute-quota reach limit");
            return;
        }
        if (!s.validCode(code)) {
            s.sendError(ex, 40029, "invalid code");
            return;
        }
        String openid = SandboxIdentity.openid(appid, code);
        s.knownUsers.put(openid, code);
        if (code.startsWith("nosub")) {
            s.refusing.put(openid, true);
        }
        s.sendJson(ex, 200, Map.of("openid", openid, "session_key", SandboxIdentity.sessionKey(appid, code),
                "unionid", SandboxIdentity.unionid(code)));
    }

    private void phone(HttpExchange ex, String appid, JsonNode body) throws IOException {
        String code = body.path("code").asText("");
        if (!s.validCode(code)) {
            s.sendError(ex, 40029, "invalid code");
            return;
        }
        String phone = SandboxIdentity.phone(code);
        ObjectNode info = s.json.createObjectNode();
        info.put("phoneNumber", phone);
        info.put("purePhoneNumber", phone);
        info.put("countryCode", "86");
        info.putObject("watermark").put("timestamp", System.currentTimeMillis() / 1000).put("appid", appid);
        ObjectNode out = s.json.createObjectNode();
        out.put("errcode", 0);
        out.put("errmsg", "ok");
        out.set("phone_info", info);
        s.sendJson(ex, 200, out);
    }

    private void wxacode(HttpExchange ex, String appid, JsonNode body) throws IOException {
        String scene = body.path("scene").asText("");
        String page = body.path("page").asText("");
        if (!SCENE.matcher(scene).matches()) {
            s.sendError(ex, 40169, "invalid length for scene, or the data is not json string");
            return;
        }
        if (page.startsWith("/") || page.contains("?")) {
            s.sendError(ex, 41030, "invalid page");
            return;
        }
        int width = body.path("width").asInt(430);
        width = Math.max(280, Math.min(1280, width));
        String content = wxacodeContent(appid, page, scene);
        try {
            BufferedImage img = MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE,
                    width, width, Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2)));
            BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(img, 0, 0, null);
            WxSandboxServer.send(ex, 200, "image/jpeg", jpeg(rgb));
        } catch (Exception e) {
            s.sendError(ex, -1, "system error");
        }
    }

    /** What the sandbox's code encodes: the page and scene a scan opens. */
    static String wxacodeContent(String appid, String page, String scene) {
        return "https://wxacode.sandbox.local/" + appid + "/" + page + "?scene="
                + URLEncoder.encode(scene, StandardCharsets.UTF_8);
    }

    private static byte[] jpeg(BufferedImage img) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.95f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(ios);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    /** An answer of the sandbox: errcode and errmsg. */
    private record Outcome(int err, String msg) {
        static final Outcome OK = new Outcome(0, "ok");
    }

    /** The checks every message endpoint makes on its recipient and template, or null when they pass. */
    private static Outcome badRecipient(JsonNode body, boolean needsTemplate) {
        if (!OPENID.matcher(body.path("touser").asText("")).matches()) {
            return new Outcome(40003, "invalid openid");
        }
        if (needsTemplate && body.path("template_id").asText("").isBlank()) {
            return new Outcome(40037, "invalid template_id");
        }
        return null;
    }

    private void subscribe(HttpExchange ex, String appid, JsonNode body) throws IOException {
        Outcome o = badRecipient(body, true);
        String touser = body.path("touser").asText();
        String tpl = body.path("template_id").asText();
        if (o == null && (s.refusing.containsKey(touser) || !s.hasAcceptance(touser, tpl))) {
            o = new Outcome(43101, "user refuse to accept the msg");
        }
        if (o == null) {
            String bad = SubscribeData.firstInvalid(body.path("data"));
            o = bad == null ? Outcome.OK : new Outcome(47003, "argument invalid! data." + bad + ".value invalid");
        }
        // one acceptance per delivered message (two racing sends cannot share the last one)
        if (o.err() == 0 && !s.useAcceptance(touser, tpl)) {
            o = new Outcome(43101, "user refuse to accept the msg");
        }
        s.inbox.add("subscribe", appid, body, o.err());
        reply(ex, o.err(), o.msg(), null);
    }

    private void template(HttpExchange ex, String appid, JsonNode body) throws IOException {
        Outcome o = badRecipient(body, true);
        if (o == null && s.unfollowed.containsKey(body.path("touser").asText())) {
            o = new Outcome(43004, "require subscribe");
        }
        if (o == null) {
            o = body.path("data").isObject() ? Outcome.OK : new Outcome(47003, "argument invalid! data invalid");
        }
        s.inbox.add("template", appid, body, o.err());
        reply(ex, o.err(), o.msg(), o.err() == 0 ? ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE) : null);
    }

    private void custom(HttpExchange ex, String appid, JsonNode body) throws IOException {
        Outcome o = badRecipient(body, false);
        String type = body.path("msgtype").asText("");
        if (o == null && (type.isBlank() || (s.isMiniApp(appid) && !MA_KEFU_TYPES.matcher(type).matches()))) {
            o = new Outcome(40008, "invalid message type");
        }
        if (o == null && "text".equals(type) && body.path("text").path("content").asText("").isEmpty()) {
            o = new Outcome(44003, "empty news data"); // WeChat: 44003 empty content
        }
        if (o == null && s.kefuClosed.containsKey(body.path("touser").asText())) {
            o = new Outcome(45015, "response out of time limit or subscription is canceled");
        }
        o = o == null ? Outcome.OK : o;
        s.inbox.add("custom", appid, body, o.err());
        reply(ex, o.err(), o.msg(), null);
    }

    /** GET /cgi-bin/user/info?openid=…: a follower the sandbox knows (its code), with the code's unionid. */
    private void userInfo(HttpExchange ex, String appid, JsonNode body) throws IOException {
        String openid = WxSandboxServer.query(ex).getOrDefault("openid", "");
        String code = s.knownUsers.get(openid);
        if (code == null || !openid.equals(SandboxIdentity.openid(appid, code))) {
            s.sendError(ex, 40003, "invalid openid");
            return;
        }
        ObjectNode n = s.json.createObjectNode();
        boolean followed = !s.unfollowed.containsKey(openid);
        n.put("subscribe", followed ? 1 : 0);
        n.put("openid", openid);
        n.put("language", "zh_CN");
        n.put("subscribe_time", 1_700_000_000L);
        n.put("unionid", SandboxIdentity.unionid(code));
        n.put("remark", "");
        n.put("groupid", 0);
        n.putArray("tagid_list");
        n.put("subscribe_scene", "ADD_SCENE_SEARCH");
        n.put("qr_scene", 0);
        n.put("qr_scene_str", "");
        s.sendJson(ex, 200, n);
    }

    /**
     * POST /cgi-bin/qrcode/create (official account): temporary (QR_SCENE, QR_STR_SCENE, expire_seconds up to
     * 2592000, default 60) or permanent (QR_LIMIT_SCENE, QR_LIMIT_STR_SCENE) codes. scene_id 1..100000 for
     * permanent, 32-bit for temporary; scene_str 1..64 characters. Answer {ticket, expire_seconds (temporary only),
     * url}: url is what the code encodes (developers may draw it themselves).
     */
    private void accountQrcode(HttpExchange ex, String appid, JsonNode body) throws IOException {
        String action = body.path("action_name").asText("");
        JsonNode scene = body.path("action_info").path("scene");
        boolean permanent = action.startsWith("QR_LIMIT_");
        boolean str = action.endsWith("STR_SCENE");
        if (!ACCOUNT_QR_ACTIONS.matcher(action).matches()) {
            s.sendError(ex, 40052, "invalid action name");
            return;
        }
        String value;
        if (str) {
            value = scene.path("scene_str").asText("");
            if (value.isEmpty() || value.length() > 64) {
                s.sendError(ex, 40053, "invalid action info");
                return;
            }
        } else {
            long id = scene.path("scene_id").asLong(0);
            if (id <= 0 || (permanent && id > 100_000)) {
                s.sendError(ex, 40053, "invalid action info");
                return;
            }
            value = Long.toString(id);
        }
        String ticket = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString((appid + "|" + (permanent ? "limit" : "temp") + "|" + value).getBytes(StandardCharsets.UTF_8));
        ObjectNode n = s.json.createObjectNode();
        n.put("ticket", ticket);
        if (!permanent) {
            n.put("expire_seconds", Math.min(2_592_000, Math.max(60, body.path("expire_seconds").asInt(60))));
        }
        n.put("url", accountQrContent(appid, value));
        s.inbox.add("qrcode", appid, body, 0);
        s.sendJson(ex, 200, n);
    }

    /** What the sandbox's account code encodes: the scene a scan reports (EventKey). */
    static String accountQrContent(String appid, String scene) {
        return "http://weixin.qq.com/q/sandbox/" + appid + "?scene=" + URLEncoder.encode(scene, StandardCharsets.UTF_8);
    }

    private void menu(HttpExchange ex, String appid, JsonNode body) throws IOException {
        int err = body.path("button").isArray() && !body.path("button").isEmpty() ? 0 : 40016;
        s.inbox.add("menu", appid, body, err);
        reply(ex, err, err == 0 ? "ok" : "invalid button size", null);
    }

    private void reply(HttpExchange ex, int err, String msg, Long msgid) throws IOException {
        ObjectNode n = s.json.createObjectNode();
        n.put("errcode", err);
        n.put("errmsg", msg);
        if (msgid != null) {
            n.put("msgid", msgid);
        }
        s.sendJson(ex, 200, n);
    }

    private void inbox(HttpExchange ex, Map<String, String> q) throws IOException {
        Long after = q.containsKey("after") ? Long.valueOf(q.get("after")) : null;
        s.sendJson(ex, 200, Map.of("messages", s.inbox.find(q.get("type"), q.get("touser"), after)));
    }

    /** POST /sandbox/control {"action": "subscribe-result"|"long-term-template"|"refuse-subscribe"|"accept-subscribe"|"close-kefu-window"|"open-kefu-window"|"unfollow"|"revoke-tokens"|"reset", "openid": …}. */
    private void control(HttpExchange ex) throws IOException {
        JsonNode b = s.body(ex);
        String action = b == null ? "" : b.path("action").asText("");
        String openid = b == null ? "" : b.path("openid").asText("");
        switch (action) {
            case "refuse-subscribe" -> s.setRefusesSubscribe(openid, true);
            case "accept-subscribe" -> s.setRefusesSubscribe(openid, false);
            case "close-kefu-window" -> s.setKefuWindowClosed(openid, true);
            case "open-kefu-window" -> s.setKefuWindowClosed(openid, false);
            case "unfollow" -> s.unfollowed.put(openid, true);
            case "subscribe-result" -> {
                Map<String, String> results = new java.util.LinkedHashMap<>();
                b.path("results").fields().forEachRemaining(e -> results.put(e.getKey(), e.getValue().asText("")));
                s.recordSubscribeResult(openid, results);
            }
            case "long-term-template" -> s.setLongTermTemplate(b.path("templateId").asText(""), b.path("longTerm").asBoolean(true));
            case "revoke-tokens" -> s.revokeTokens();
            case "outage-busy" -> WxSandboxServer.setOutage(WxSandboxServer.Outage.BUSY);
            case "outage-500" -> WxSandboxServer.setOutage(WxSandboxServer.Outage.HTTP_500);
            case "outage-end" -> WxSandboxServer.setOutage(WxSandboxServer.Outage.NONE);
            case "reset" -> s.reset();
            case "register-user" -> {
                String code = b.path("code").asText("");
                if (!s.validCode(code)) {
                    s.sendJson(ex, 400, Map.of("error", "invalid code"));
                    return;
                }
                s.sendJson(ex, 200, Map.of("ok", true, "action", action, "openids", s.registerUser(code)));
                return;
            }
            default -> {
                s.sendJson(ex, 400, Map.of("error", "unknown action"));
                return;
            }
        }
        s.sendJson(ex, 200, Map.of("ok", true, "action", action));
    }

    private static String help() {
        return """
                Red Station WeChat sandbox (development and tests only)
                WeChat API: /cgi-bin/token /cgi-bin/stable_token /sns/jscode2session /wxa/getwxacodeunlimit
                            /wxa/business/getuserphonenumber /cgi-bin/message/subscribe/send
                            /cgi-bin/message/template/send /cgi-bin/message/custom/send /cgi-bin/menu/create
                            /cgi-bin/user/info (openids the sandbox handed out; unionid of their code)
                Inbox:      GET /sandbox/inbox[?type=subscribe|template|custom|menu&touser=OPENID&after=ID]
                            DELETE /sandbox/inbox
                Identities: GET /sandbox/openid?appid=APPID&code=CODE (a code always maps to the same openid)
                Control:    POST /sandbox/control {"action":"refuse-subscribe|accept-subscribe|close-kefu-window|
                            open-kefu-window|unfollow|revoke-tokens|reset","openid":"..."}
                            {"action":"subscribe-result","openid":"...","results":{"TEMPLATE_ID":"accept|reject"}}
                              (what wx.requestSubscribeMessage answered: one accept = one message)
                            {"action":"long-term-template","templateId":"...","longTerm":true}
                            {"action":"outage-busy|outage-500|outage-end"}: every WeChat API call answers
                            errcode -1 / HTTP 500 until the outage ends (nothing is delivered meanwhile)
                            {"action":"register-user","code":"..."} -> the code's openid per app
                Codes:      bad*/invalid*/expired* -> 40029, ratelimit* -> 45011, nosub* -> user refuses subscribe (43101)
Subscribe:  delivered only against an acceptance of that template by that user (one each), else 43101
                """;
    }

}
