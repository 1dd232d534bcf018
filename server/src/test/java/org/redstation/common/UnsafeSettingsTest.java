package org.redstation.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnsafeSettingsTest {

    /** The development defaults of application.yml plus the embedded default's admin password and sandbox. */
    static Map<String, String> developmentDefaults() {
        Map<String, String> p = new HashMap<>();
        p.put("redstation.wechat.sandbox.enabled", "true");
        p.put("redstation.wechat.miniapp.appid", "wx-sandbox-miniapp");
        p.put("redstation.wechat.miniapp.secret", "sandbox-miniapp-secret");
        p.put("redstation.wechat.mp.appid", "wx-sandbox-mp");
        p.put("redstation.wechat.mp.secret", "sandbox-mp-secret");
        p.put("redstation.wechat.mp.token", "sandbox-mp-token");
        p.put("redstation.auth.token-secret", "");
        p.put("redstation.admin.password", "admin123");
        return p;
    }

    @Test
    void everyDevelopmentDefaultIsNamedInOneMessage() {
        Map<String, String> p = developmentDefaults();
        assertThatThrownBy(() -> UnsafeSettings.check(p::get, "against a real database"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("WX_SANDBOX_ENABLED", "WX_MA_APPID", "WX_MA_SECRET", "WX_MP_APPID", "WX_MP_SECRET",
                        "WX_MP_TOKEN", "REDSTATION_TOKEN_SECRET", "REDSTATION_ADMIN_PASSWORD", "REDSTATION_ALLOW_SANDBOX");
        assertThat(UnsafeSettings.problems(p::get)).hasSize(8);
    }

    @Test
    void theDevelopmentTokenSecretAndUnsetValuesAreUnsafeToo() {
        Map<String, String> p = new HashMap<>();
        p.put("redstation.auth.token-secret", UnsafeSettings.DEV_TOKEN_SECRET);
        assertThat(UnsafeSettings.problems(p::get)).anyMatch(s -> s.startsWith("REDSTATION_TOKEN_SECRET"))
                .anyMatch(s -> s.startsWith("WX_MA_APPID")); // unset AppID: nothing real to talk to
    }

    @Test
    void realSettingsPass() {
        Map<String, String> p = new HashMap<>();
        p.put("redstation.wechat.sandbox.enabled", "false");
        p.put("redstation.wechat.miniapp.appid", "wx1234567890abcdef");
        p.put("redstation.wechat.miniapp.secret", "0123456789abcdef0123456789abcdef");
        p.put("redstation.wechat.mp.appid", "wxfedcba0987654321");
        p.put("redstation.wechat.mp.secret", "fedcba9876543210fedcba9876543210");
        p.put("redstation.wechat.mp.token", "Xk29dPq7");
        p.put("redstation.auth.token-secret", "a-long-random-secret-from-the-vault");
        p.put("redstation.admin.password", "");
        assertThat(UnsafeSettings.problems(p::get)).isEmpty();
        UnsafeSettings.check(p::get, "with the prod profile");
    }
}
