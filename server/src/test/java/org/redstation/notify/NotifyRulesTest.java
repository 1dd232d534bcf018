package org.redstation.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outbox statuses and retry rules, without a database. */
class NotifyRulesTest {

    @Test
    void noSubscriptionLeftIsRefusedTemplateErrorsFailAndEverythingElseIsRetried() {
        assertThat(OutboxStatus.afterWeChatError(43101)).contains(OutboxStatus.REFUSED);
        assertThat(OutboxStatus.afterWeChatError(47003)).contains(OutboxStatus.FAILED);
        assertThat(OutboxStatus.afterWeChatError(40037)).contains(OutboxStatus.FAILED);
        assertThat(OutboxStatus.afterWeChatError(-1)).isEmpty();
        assertThat(OutboxStatus.afterWeChatError(45009)).isEmpty();
    }

    @Test
    void onlySentRefusedAndFailedAreFinalAndEachStatusHasAChineseLabel() {
        assertThat(OutboxStatus.PENDING.isFinal()).isFalse();
        assertThat(OutboxStatus.SENDING.isFinal()).isFalse();
        assertThat(OutboxStatus.REFUSED.isFinal()).isTrue();
        for (OutboxStatus s : OutboxStatus.values()) {
            assertThat(s.label()).matches(".*\\p{IsHan}.*");
        }
    }

    @Test
    void retriesBackOffExponentiallyAndGiveUpAfterMaxAttempts() {
        NotifyProperties p = new NotifyProperties(Map.of(), null, Duration.ofSeconds(10), Duration.ofHours(1), 4, 0, null);
        assertThat(p.retryDelay(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.retryDelay(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.retryDelay(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(p.retryDelay(40)).isEqualTo(Duration.ofHours(1));
        assertThat(p.givesUpAfter(3)).isFalse();
        assertThat(p.givesUpAfter(4)).isTrue();
    }

    @Test
    void theDefaultsRetryForHoursSoAnOutageLongerThanFiveMinutesLosesNothing() {
        NotifyProperties p = new NotifyProperties(Map.of(), null, null, null, 0, 0, null);
        assertThat(p.retry().retriedFor()).isGreaterThan(Duration.ofHours(6));
        // the first six attempts (the old give-up point, ~5 minutes) are far from giving up
        assertThat(p.givesUpAfter(6)).isFalse();
        assertThat(p.retryDelay(30)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void valuesAreCutToWeChatFieldLimits() {
        assertThat(FieldLimits.fit("thing1", "一二三四五六七八九十一二三四五六七八九十一")).hasSize(20).endsWith("…");
        assertThat(FieldLimits.fit("thing1", " ")).isEqualTo("-");
        assertThat(FieldLimits.fit("phrase2", "一二三四五六")).hasSize(5);
    }
}
