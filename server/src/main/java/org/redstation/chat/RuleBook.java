package org.redstation.chat;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The enabled keyword rules in matching order: a rule of the resident's community before a district-wide one, then
 * EXACT before REGEX before CONTAINS, then higher priority, then older. Pure: no database, unit-tested.
 */
final class RuleBook {
    private static final Comparator<Compiled> ORDER = Comparator.<Compiled>comparingInt(c -> c.rule().getCommunityId() == null ? 1 : 0)
            .thenComparing(c -> c.rule().getMatchType())
            .thenComparingInt(c -> -c.rule().getPriority())
            .thenComparingLong(c -> c.rule().getId());

    private record Compiled(ChatRule rule, String normalizedPattern, Pattern regex) {
    }

    private final List<Compiled> rules;

    RuleBook(List<ChatRule> enabled) {
        this.rules = enabled.stream().filter(r -> r.getMatchType() != null)
                .map(r -> new Compiled(r, TextNormalizer.normalize(r.getPattern()), compileQuietly(r)))
                .sorted(ORDER).toList();
    }

    /** The reply of the first rule matching the text for a resident of {@code communityId} (null = unknown). */
    Optional<String> match(String text, Long communityId) {
        String n = TextNormalizer.normalize(text);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        return rules.stream()
                .filter(c -> c.rule().getCommunityId() == null || c.rule().getCommunityId().equals(communityId))
                .filter(c -> c.rule().getMatchType().matches(n, c.normalizedPattern(), c.regex()))
                .map(c -> c.rule().getReply()).findFirst();
    }

    /** The first rule of the kind matching: CONTAINS rules ({@code contains}) or EXACT and REGEX ones. */
    Optional<ChatRule> matchRule(String text, Long communityId, boolean contains) {
        String n = TextNormalizer.normalize(text);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        return rules.stream()
                .filter(c -> (c.rule().getMatchType() == RuleMatchType.CONTAINS) == contains)
                .filter(c -> c.rule().getCommunityId() == null || c.rule().getCommunityId().equals(communityId))
                .filter(c -> c.rule().getMatchType().matches(n, c.normalizedPattern(), c.regex()))
                .map(Compiled::rule).findFirst();
    }

    /** A REGEX rule's pattern, or null for other types and patterns that do not compile (those never match). */
    private static Pattern compileQuietly(ChatRule r) {
        return r.getMatchType() == RuleMatchType.REGEX ? compile(r.getPattern()) : null;
    }

    /**
     * The linear-time (RE2/J) pattern of a REGEX rule, or null when RE2 cannot express it (backreferences,
     * lookaround): such rules are refused when saved and never run.
     */
    static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
