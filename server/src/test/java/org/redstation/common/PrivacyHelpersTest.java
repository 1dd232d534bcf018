package org.redstation.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SafeText (forwards to staff), LogSafe (user values in logs) and RetryPolicy, without a database. */
class PrivacyHelpersTest {

    @Test
    void forwardedTextHasItsLinksDefangedAndItsMarkupEscaped() {
        String out = SafeText.forStaff("快看 https://evil.example.com/a?b=1 和 HTTP://x.cn 还有 www.phish.top <a href=\"x\">点我</a> & <script>");
        assertThat(out).doesNotContain("https://", "HTTP://", "www.phish.top", "<a", "<script>");
        assertThat(out).contains("hxxps://evil[.]example[.]com/a?b=1", "hxxp://x[.]cn", "www[.]phish[.]top",
                "&lt;a href=\"x\"&gt;点我&lt;/a&gt; &amp; &lt;script&gt;");
        assertThat(SafeText.forStaff("javascript:alert(1) weixin://dl/business")).doesNotContain("javascript:", "weixin:")
                .contains("[javascript]:alert(1)", "[weixin]://dl/business");
        assertThat(SafeText.forStaff("充电桩坏了，请尽快维修。电话 13812345678")).isEqualTo("充电桩坏了，请尽快维修。电话 13812345678");
        assertThat(SafeText.forStaff(null)).isNull();
    }

    @Test
    void userValuesInLogsLoseLineBreaksAndAreCut() {
        assertThat(LogSafe.value("admin\r\n2025-01-01 INFO forged line")).doesNotContain("\r", "\n")
                .isEqualTo("admin  2025-01-01 INFO forged line");
        assertThat(LogSafe.value("x".repeat(500))).hasSize(LogSafe.MAX + 1).endsWith("…");
        assertThat(LogSafe.value("a\u2028b\tc")).isEqualTo("a b c");
        assertThat(LogSafe.value(null)).isEqualTo("null");
    }

    @Test
    void retryPolicyDoublesUpToItsCapAndGivesUpAfterItsAttempts() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), 16);
        assertThat(p.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(p.delayAfter(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(p.delayAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(p.delayAfter(1000)).isEqualTo(Duration.ofHours(1));
        assertThat(p.givesUpAfter(15)).isFalse();
        assertThat(p.givesUpAfter(16)).isTrue();
        assertThat(p.retriedFor()).isBetween(Duration.ofHours(7), Duration.ofHours(8));
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofHours(2), Duration.ofHours(1), 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
