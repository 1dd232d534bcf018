package org.redstation.wechat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Every message the sandbox was sent (accepted or refused), newest last, at most 10,000. */
public class SandboxInbox {
    private static final int MAX = 10_000;
    private final List<Message> messages = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * One message. {@code type}: subscribe, template, custom, menu. {@code errcode} is what the sandbox
     * answered (0 = delivered).
     */
    public record Message(long id, String type, String appid, String touser, String templateId, String page,
                          String msgtype, JsonNode body, int errcode, long at) {
    }

    Message add(String type, String appid, JsonNode body, int errcode) {
        Message m = new Message(ids.incrementAndGet(), type, appid, text(body, "touser"), text(body, "template_id"),
                body.hasNonNull("page") ? text(body, "page") : text(body.path("miniprogram"), "pagepath"),
                text(body, "msgtype"), body, errcode, System.currentTimeMillis());
        synchronized (messages) {
            messages.add(m);
            if (messages.size() > MAX) {
                messages.remove(0);
            }
        }
        return m;
    }

    /** Messages matching the filters (null = any). */
    public List<Message> find(String type, String touser, Long afterId) {
        synchronized (messages) {
            return messages.stream()
                    .filter(m -> type == null || type.equals(m.type()))
                    .filter(m -> touser == null || touser.equals(m.touser()))
                    .filter(m -> afterId == null || m.id() > afterId)
                    .toList();
        }
    }

    public List<Message> all() {
        synchronized (messages) {
            return new ArrayList<>(messages);
        }
    }

    public void clear() {
        synchronized (messages) {
            messages.clear();
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
