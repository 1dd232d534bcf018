package org.redstation.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redstation.common.BizException;
import org.redstation.wish.AssigneeDirectory.Assignee;
import org.redstation.wish.AssigneeRanking.Candidate;
import org.redstation.wish.AssigneeRanking.Suggestion;

/** Suggestions, escalation times, photo checks and the report's category lines, without a database. */
class WishRulesTest {

    private static Candidate member(long id, String name, String skill, Double lat, Double lng) {
        return new Candidate(new Assignee(AssigneeKind.MEMBER, id, name, 3, id, Set.of(skill), lat, lng), null);
    }

    @Test
    void suggestionsPreferMatchingSkillThenLowerLoadMoreCompletionsAndNearer() {
        List<Candidate> cs = List.of(
                member(1, "律师甲", "LEGAL", 32.078, 112.143),
                member(2, "律师乙", "LEGAL", 32.078, 112.143),
                member(3, "医生丙", "MEDICAL", 32.078, 112.143),
                member(4, "律师丁", "LEGAL", 32.178, 112.243),
                new Candidate(new Assignee(AssigneeKind.TEAM, 9, "法律援助队", 3, 99L, Set.of(), null, null), TeamCategory.LEGAL_AID));
        List<Suggestion> s = AssigneeRanking.rank(WishCategory.DISPUTE, 32.078, 112.143, cs,
                Map.of("MEMBER:1", 2L), Map.of("MEMBER:2", 3L), 10);
        assertThat(s).extracting(Suggestion::name).startsWith("律师乙", "法律援助队");
        assertThat(s.get(s.size() - 1).name()).isEqualTo("医生丙");
        Suggestion far = s.stream().filter(x -> x.name().equals("律师丁")).findFirst().orElseThrow();
        assertThat(far.distanceMeters()).isGreaterThan(10_000);
        assertThat(s).allMatch(x -> x.name().equals("医生丙") != x.skillMatch());
    }

    @Test
    void escalationRulesCheckTheStreetBeforeTheCommunitySoALateFindStepsOnce() {
        WishProperties p = new WishProperties(null, 0, 0, Duration.ofHours(24), Duration.ofHours(72), null, null, null, null, null, null);
        List<EscalationRule> rules = EscalationRule.of(p);
        assertThat(rules.get(0).level()).isEqualTo(2);
        assertThat(rules.get(0).states()).containsExactlyInAnyOrder(WishState.SUBMITTED, WishState.DISPATCHED);
        assertThat(rules.get(1).note()).contains("24小时");
        assertThat(rules.get(2).note()).contains("14天");
        assertThat(EscalationRule.levelName(1)).isEqualTo("社区督办");
    }

    @Test
    void photosAreCheckedByMagicBytesAndSizeAndComeBackWithoutMetadata() {
        byte[] jpeg = WishFixtures.jpegWithGps();
        PhotoCodec.Encoded e = PhotoCodec.normalise(jpeg, 5_000_000, 40_000_000);
        assertThat(e.contentType()).isEqualTo("image/jpeg");
        assertThat(WishFixtures.contains(e.bytes(), "GPS")).isFalse();
        assertThat(PhotoCodec.normalise(WishFixtures.png(10, 10), 5_000_000, 40_000_000).contentType()).isEqualTo("image/png");
        assertThat(PhotoCodec.sniff("GIF89a...".getBytes())).isNull();
        assertThatThrownBy(() -> PhotoCodec.normalise(WishFixtures.png(10, 10), 10, 40_000_000))
                .isInstanceOfSatisfying(BizException.class, x -> assertThat(x.error()).isEqualTo(WishError.WISH_PHOTO_TOO_LARGE));
        assertThatThrownBy(() -> PhotoCodec.normalise(WishFixtures.png(100, 100), 5_000_000, 50))
                .isInstanceOfSatisfying(BizException.class, x -> assertThat(x.error()).isEqualTo(WishError.WISH_PHOTO_TOO_LARGE));
        assertThatThrownBy(() -> PhotoCodec.normalise("<svg/>".getBytes(), 5_000_000, 40_000_000))
                .isInstanceOfSatisfying(BizException.class, x -> assertThat(x.error()).isEqualTo(WishError.WISH_PHOTO_NOT_IMAGE));
    }

    @Test
    void reportLinesAverageReplyAndCompletionHoursPerCategory() {
        LocalDateTime t = LocalDateTime.of(2025, 10, 1, 9, 0);
        Wish a = wish(WishCategory.LEGAL, WishState.CLOSED, t, t.plusHours(2), t.plusHours(24), 5);
        Wish b = wish(WishCategory.LEGAL, WishState.SUBMITTED, t, null, null, null);
        Wish c = wish(WishCategory.LEGAL, WishState.COMPLETED, t, t.plusHours(4), t.plusHours(48), null);
        MonthlyReport.CategoryLine l = MonthlyReport.lines(List.of(a, b, c)).get(0);
        assertThat(l.posted()).isEqualTo(3);
        assertThat(l.completed()).isEqualTo(2);
        assertThat(l.replyHours()).isEqualTo(3.0);
        assertThat(l.completionHours()).isEqualTo(36.0);
        assertThat(l.avgRating()).isEqualTo(5.0);
    }

    private static Wish wish(WishCategory c, WishState s, LocalDateTime created, LocalDateTime dispatched,
                             LocalDateTime completed, Integer rating) {
        Wish w = new Wish();
        w.setCategory(c);
        w.setState(s);
        w.setCreatedAt(created);
        w.setDispatchedAt(dispatched);
        w.setCompletedAt(completed);
        w.setRating(rating);
        return w;
    }
}
