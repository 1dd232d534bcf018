package org.redstation.wechat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** WeChat's limits on subscribe-message fields, by key prefix (thing1, time2, …). */
final class SubscribeData {
    private static final Map<String, Pattern> RULES = Map.ofEntries(
            Map.entry("thing", Pattern.compile("(?s).{1,20}")),
            Map.entry("name", Pattern.compile("(?s).{1,10}")),
            Map.entry("phrase", Pattern.compile("[\\u4e00-\\u9fa5]{1,5}")),
            Map.entry("character_string", Pattern.compile("[0-9A-Za-z_\\-.:/#@]{1,32}")),
            Map.entry("number", Pattern.compile("[0-9.]{1,32}")),
            Map.entry("letter", Pattern.compile("[A-Za-z]{1,32}")),
            Map.entry("phone_number", Pattern.compile("[0-9+\\-]{1,17}")),
            Map.entry("amount", Pattern.compile("[0-9.]{1,10}元?")),
            Map.entry("time", Pattern.compile("\\d{4}[-年]\\d{1,2}[-月]\\d{1,2}日?( \\d{1,2}:\\d{2}(:\\d{2})?)?(~\\d{1,2}:\\d{2})?|\\d{1,2}:\\d{2}(~\\d{1,2}:\\d{2})?")),
            Map.entry("date", Pattern.compile("\\d{4}[-年]\\d{1,2}[-月]\\d{1,2}日?( \\d{1,2}:\\d{2}(:\\d{2})?)?")));

    private SubscribeData() {
    }

    /** The first key whose value WeChat would refuse (47003), or null when all are fine. */
    static String firstInvalid(JsonNode data) {
        if (data == null || !data.isObject() || data.isEmpty()) {
            return "data";
        }
        Iterator<Map.Entry<String, JsonNode>> it = data.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue().get("value");
            if (value == null || value.isNull()) {
                return key;
            }
            String prefix = key.replaceAll("\\d+$", "");
            Pattern rule = RULES.get(prefix);
            if (rule == null || !rule.matcher(value.asText()).matches()) {
                return key;
            }
        }
        return null;
    }
}
