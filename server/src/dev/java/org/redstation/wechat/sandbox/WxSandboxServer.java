package org.redstation.wechat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small local server speaking the parts of WeChat's server API this project uses, with WeChat's JSON
 * shapes and error codes (always HTTP 200). Every message sent to it is kept in an inbox readable at
 * {@code GET /sandbox/inbox}. For development and tests only.
 *
 * <p>Conventions: a login code always maps to the same openid ({@link SandboxIdentity#openid}); codes
 * starting with {@code bad}, {@code invalid} or {@code expired} are refused with 40029; codes starting
 * with {@code nosub} give a user who refuses subscribe messages (43101). A subscribe message is delivered only
 * against an acceptance of its template by its user ({@link #recordSubscribeResult}), one send each, as WeChat
 * does; without one the answer is 43101. A phone code
 * {@code phone-13812345678} yields that number.
 */
public class WxSandboxServer implements AutoCloseable, org.redstation.wechat.WeChatApiEndpoint {
    private static final Logger log = LoggerFactory.getLogger(WxSandboxServer.class);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    final ObjectMapper json = new ObjectMapper();
    private final String host;
    private final int requestedPort;
    final SandboxTokens tokens;
    /*
     * There is one WeChat: what it knows of users (their acceptances, refusals, 48-hour windows, follows) and what it
     * delivered is shared by every sandbox of this JVM. Tests keep several application contexts alive, each with its
     * own sandbox, and every context's outbox poller may claim a row of the shared database: the message must meet the
     * same acceptance whichever sandbox it reaches, and be found in any sandbox's inbox.
     */
    private static final SandboxInbox DELIVERED = new SandboxInbox();
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> ACCEPTANCES = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> REFUSING = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> KEFU_CLOSED = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> UNFOLLOWED = new ConcurrentHashMap<>();
    private static final java.util.Set<String> LONG_TERM = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> KNOWN_USERS = new ConcurrentHashMap<>();

    final SandboxInbox inbox = DELIVERED;
    /** Per app: its secret; the mini-programs among them. */
    final Map<String, String> apps = new ConcurrentHashMap<>();
    final Map<String, Boolean> miniApps = new ConcurrentHashMap<>();
    /** openids that refuse subscribe messages, and those outside the 48-hour customer-service window. */
    final Map<String, Boolean> refusing = REFUSING;
    final Map<String, Boolean> kefuClosed = KEFU_CLOSED;
    final Map<String, Boolean> unfollowed = UNFOLLOWED;
    /**
     * WeChat's subscribe rule: openid + "|" + template id -> acceptances not used yet. A message is delivered only
     * against one (and uses it); long-term templates need none.
     */
    final Map<String, java.util.concurrent.atomic.AtomicInteger> acceptances = ACCEPTANCES;
    final java.util.Set<String> longTermTemplates = LONG_TERM;
    /** openid -> login code of every user the sandbox has handed out (for /cgi-bin/user/info and its unionid). */
    final Map<String, String> knownUsers = KNOWN_USERS;
    /** A simulated WeChat outage of the API endpoints (not /sandbox/*): none, errcode -1 (busy) or HTTP 500. */
    public enum Outage { NONE, BUSY, HTTP_500 }

    /**
     * There is one WeChat: an outage hits every sandbox of this JVM (tests keep several application contexts
     * alive, each with its own sandbox, and all of them poll the same database).
     */
    static volatile Outage outage = Outage.NONE;
    /** WeChat API calls refused by the outage so far (all sandboxes). */
    static final java.util.concurrent.atomic.AtomicLong outageHits = new java.util.concurrent.atomic.AtomicLong();
    private HttpServer server;
    private ExecutorService executor;

    public WxSandboxServer(String host, int port, int tokenTtlSeconds) {
        this.host = host;
        this.requestedPort = port;
        this.tokens = new SandboxTokens(tokenTtlSeconds);
    }

    /** Registers the mini-program (its customer-service API accepts fewer message types). */
    public void registerMiniApp(String appid, String secret) {
        registerApp(appid, secret);
        if (appid != null && !appid.isBlank()) {
            miniApps.put(appid, true);
        }
    }

    boolean isMiniApp(String appid) {
        return appid != null && miniApps.containsKey(appid);
    }

    public void registerApp(String appid, String secret) {
        if (appid != null && !appid.isBlank()) {
            apps.put(appid, secret == null ? "" : secret);
        }
    }

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(host, requestedPort), 128);
        } catch (IOException e) {
            throw new IllegalStateException("WeChat sandbox could not listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "wx-sandbox");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        SandboxApi api = new SandboxApi(this);
        server.createContext("/", api::handle);
        server.start();
    }

    @Override
    public String baseUrl() {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SandboxInbox inbox() {
        return inbox;
    }

    /** Marks an openid as refusing subscribe messages (43101), or accepting them again. */
    public void setRefusesSubscribe(String openid, boolean refuses) {
        if (refuses) {
            refusing.put(openid, true);
        } else {
            refusing.remove(openid);
        }
    }

    /**
     * Records what wx.requestSubscribeMessage answered on the phone, as WeChat's client does: each
     * {@code templateId -> "accept"} allows one subscribe message of that template to that user.
     */
    public void recordSubscribeResult(String openid, Map<String, String> results) {
        results.forEach((tpl, answer) -> {
            if ("accept".equals(answer) || "acceptWithAudio".equals(answer) || "acceptWithAlert".equals(answer)) {
                acceptances.computeIfAbsent(openid + "|" + tpl, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            }
        });
    }

    /** One acceptance of each template by the user (the user tapped 允许 once per template). */
    public void acceptSubscribe(String openid, String... templateIds) {
        for (String t : templateIds) {
            recordSubscribeResult(openid, Map.of(t, "accept"));
        }
    }

    /** Acceptances of a template the user has not used yet. */
    public int acceptancesLeft(String openid, String templateId) {
        var n = acceptances.get(openid + "|" + templateId);
        return n == null ? 0 : n.get();
    }

    /** Marks a template as long-term (长期订阅): delivered without using an acceptance. */
    public void setLongTermTemplate(String templateId, boolean longTerm) {
        if (longTerm) {
            longTermTemplates.add(templateId);
        } else {
            longTermTemplates.remove(templateId);
        }
    }

    /** Whether a message of the template may be delivered to the user now (an acceptance left or long-term). */
    boolean hasAcceptance(String openid, String templateId) {
        return longTermTemplates.contains(templateId) || acceptancesLeft(openid, templateId) > 0;
    }

    /** Uses one acceptance for a delivered message; false when another send took the last one first. */
    boolean useAcceptance(String openid, String templateId) {
        if (longTermTemplates.contains(templateId)) {
            return true;
        }
        var n = acceptances.get(openid + "|" + templateId);
        return n != null && n.getAndUpdate(v -> v > 0 ? v - 1 : v) > 0;
    }

    /** Closes (or reopens) the 48-hour customer-service window of an openid: custom messages then get 45015. */
    public void setKefuWindowClosed(String openid, boolean closed) {
        if (closed) {
            kefuClosed.put(openid, true);
        } else {
            kefuClosed.remove(openid);
        }
    }

    /**
     * Makes the user of {@code code} known to every registered app (official account included), so that
     * GET /cgi-bin/user/info answers for their openid with unionid {@link SandboxIdentity#unionid(String)}.
     * Returns the openid per appid.
     */
    public Map<String, String> registerUser(String code) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String appid : apps.keySet()) {
            String openid = SandboxIdentity.openid(appid, code);
            knownUsers.put(openid, code);
            out.put(appid, openid);
        }
        return out;
    }

    /**
     * Starts or ends a WeChat outage in every sandbox of this JVM: every WeChat API call (tokens included) then
     * answers errcode -1 "system busy" ({@link Outage#BUSY}) or HTTP 500 ({@link Outage#HTTP_500}); nothing is
     * delivered meanwhile.
     */
    public static void setOutage(Outage o) {
        outage = o == null ? Outage.NONE : o;
    }

    public static Outage outage() {
        return outage;
    }

    /** How many WeChat API calls an outage refused since the sandbox started. */
    public static long outageHits() {
        return outageHits.get();
    }

    /** Makes every access token issued so far invalid (40001), as when another system refreshed the token. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** Messages of a type and recipient that any sandbox of this JVM accepted (errcode 0): they share one inbox. */
    public static java.util.List<SandboxInbox.Message> deliveredAnywhere(String type, String touser) {
        return DELIVERED.find(type, touser, null).stream().filter(m -> m.errcode() == 0).toList();
    }

    public void reset() {
        inbox.clear();
        refusing.clear();
        kefuClosed.clear();
        unfollowed.clear();
        acceptances.clear();
        longTermTemplates.clear();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    boolean validCode(String code) {
        return code != null && CODE.matcher(code).matches() && !code.startsWith("bad") && !code.startsWith("invalid")
                && !code.startsWith("expired");
    }

    // ---- HTTP plumbing shared by the API handlers ----

    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int i = pair.indexOf('=');
            String k = i < 0 ? pair : pair.substring(0, i);
            String v = i < 0 ? "" : pair.substring(i + 1);
            q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }

    JsonNode body(HttpExchange ex) throws IOException {
        byte[] b = ex.getRequestBody().readAllBytes();
        if (b.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(b);
        } catch (IOException e) {
            return null;
        }
    }

    void sendJson(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json; charset=UTF-8", json.writeValueAsBytes(body));
    }

    void sendError(HttpExchange ex, int errcode, String errmsg) throws IOException {
        ObjectNode n = json.createObjectNode();
        n.put("errcode", errcode);
        n.put("errmsg", errmsg + " rid: sandbox");
        sendJson(ex, 200, n);
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    static Logger log() {
        return log;
    }
}
