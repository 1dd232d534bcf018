package org.redstation.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The development defaults that must never reach a real deployment: sandbox WeChat apps, the public
 * portal token, the development token secret, the well-known bootstrap password, the sandbox itself.
 * Checked whenever the database is not the embedded one (or with the prod profile); ONE message names
 * every offending variable so an operator fixes them in one go. REDSTATION_ALLOW_SANDBOX=true skips the
 * check, for development and tests only (refused with the prod profile).
 */
public final class UnsafeSettings {
    public static final String ALLOW_VARIABLE = "REDSTATION_ALLOW_SANDBOX";
    /** The secret SessionTokens falls back to when none is set. */
    public static final String DEV_TOKEN_SECRET = "redstation-dev-secret-change-me";

    private UnsafeSettings() {
    }

    /** property, variable, why it is unsafe, test on the resolved value (null = unset) */
    private record Rule(String property, String variable, String why, java.util.function.Predicate<String> unsafe) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("redstation.wechat.sandbox.enabled", "WX_SANDBOX_ENABLED", "the WeChat sandbox is on", "true"::equalsIgnoreCase),
            new Rule("redstation.wechat.miniapp.appid", "WX_MA_APPID", "sandbox mini-program AppID", UnsafeSettings::sandboxOrBlank),
            new Rule("redstation.wechat.miniapp.secret", "WX_MA_SECRET", "sandbox mini-program AppSecret", UnsafeSettings::sandboxOrBlank),
            new Rule("redstation.wechat.mp.appid", "WX_MP_APPID", "sandbox official-account AppID", UnsafeSettings::sandboxOrBlank),
            new Rule("redstation.wechat.mp.secret", "WX_MP_SECRET", "sandbox official-account AppSecret", UnsafeSettings::sandboxOrBlank),
            new Rule("redstation.wechat.mp.token", "WX_MP_TOKEN", "the public default portal token", UnsafeSettings::sandboxOrBlank),
            new Rule("redstation.wechat.miniapp.token", "WX_MA_TOKEN", "the public default mini-program push token",
                    v -> v != null && v.toLowerCase(java.util.Locale.ROOT).contains("sandbox")),
            new Rule("redstation.auth.token-secret", "REDSTATION_TOKEN_SECRET", "unset or the development token secret",
                    v -> v == null || v.isBlank() || DEV_TOKEN_SECRET.equals(v)),
            new Rule("redstation.admin.password", "REDSTATION_ADMIN_PASSWORD", "the well-known bootstrap password admin123",
                    v -> v != null && v.strip().equalsIgnoreCase("admin123")));

    private static boolean sandboxOrBlank(String v) {
        return v == null || v.isBlank() || v.toLowerCase(java.util.Locale.ROOT).contains("sandbox");
    }

    /** Every offending setting, as "VARIABLE (why)"; empty when the settings are safe. */
    public static List<String> problems(Function<String, String> property) {
        List<String> out = new ArrayList<>();
        for (Rule r : RULES) {
            if (r.unsafe().test(property.apply(r.property()))) {
                out.add(r.variable() + " (" + r.why() + ")");
            }
        }
        return out;
    }

    /** Throws with one message naming every offending variable. */
    public static void check(Function<String, String> property, String where) {
        List<String> problems = problems(property);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start with unsafe settings " + where + ": " + String.join(", ", problems)
                    + ". Set real values (README \"Configuration\"); " + ALLOW_VARIABLE
                    + "=true allows them for development and tests only.");
        }
    }
}
