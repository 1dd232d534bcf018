package org.redstation.notify;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redstation.common.BizException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The balance of WeChat acceptances per user and template. The mini-program reports what
 * wx.requestSubscribeMessage answered; each acceptance allows exactly one send (WeChat's rule), so the
 * dispatcher takes one before calling WeChat and calls nobody when none is left.
 */
@Service
class Consents {
    private final ConsentMapper consents;
    private final NotifyProperties props;
    private final Clock clock;

    Consents(ConsentMapper consents, NotifyProperties props, Clock clock) {
        this.consents = consents;
        this.props = props;
        this.clock = clock;
    }

    /** {templateKey or templateId: accept | reject | ban | filter} → the balances afterwards. */
    @Transactional
    Map<String, Integer> report(long userId, Map<String, String> results) {
        Map<String, String> byKey = new LinkedHashMap<>();
        results.forEach((k, v) -> {
            String key = props.templateKey(k).orElseThrow(() -> new BizException(NotifyError.TEMPLATE_UNKNOWN,
                    NotifyError.TEMPLATE_UNKNOWN.message(), "results." + k));
            byKey.put(key, v == null ? "" : v);
        });
        LocalDateTime now = LocalDateTime.now(clock);
        byKey.forEach((key, answer) -> {
            boolean accepted = "accept".equals(answer) || "acceptWithAudio".equals(answer) || "acceptWithAlert".equals(answer);
            consents.report(userId, key, accepted ? 1 : 0, accepted ? 0 : 1, now);
        });
        return balances(userId);
    }

    Map<String, Integer> balances(long userId) {
        Map<String, Integer> out = new LinkedHashMap<>();
        consents.balances(userId).forEach(b -> out.put(b.getTemplate(), b.getBalance()));
        return out;
    }

    /** Uses one acceptance before a send; false = none left (long-term templates always pass). */
    boolean take(long userId, String template) {
        return !props.needsAcceptance(template) || consents.take(userId, template, LocalDateTime.now(clock)) == 1;
    }

    /** The send did not reach the user (an error other than 43101): the acceptance is still WeChat's to use. */
    void giveBack(long userId, String template) {
        if (props.needsAcceptance(template)) {
            consents.giveBack(userId, template, LocalDateTime.now(clock));
        }
    }

    /** WeChat said 43101: it holds no acceptance of this template for the user. */
    void clear(long userId, String template) {
        consents.clear(userId, template, LocalDateTime.now(clock));
    }
}
