package org.redstation.notify;

/** Trims a subscribe-message value to what WeChat accepts for its field type (thing ≤ 20 characters, …). */
final class FieldLimits {
    private FieldLimits() {
    }

    static String fit(String key, String value) {
        if (value == null || value.isBlank()) {
            return "-";
        }
        String type = key.replaceAll("\\d+$", "");
        int max = switch (type) {
            case "thing" -> 20;
            case "name" -> 10;
            case "phrase" -> 5;
            case "character_string", "number", "letter" -> 32;
            case "phone_number" -> 17;
            default -> 64;
        };
        int[] cps = value.codePoints().toArray();
        if (cps.length <= max) {
            return value;
        }
        return "thing".equals(type) ? new String(cps, 0, max - 1) + "…" : new String(cps, 0, max);
    }
}
