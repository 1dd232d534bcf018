package org.redstation.chat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.redstation.common.CommonError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Keyword rules from the database. Matching runs on the normalized text ({@link TextNormalizer}); a rule of the
 * resident's community wins over a district-wide one, then EXACT before REGEX before CONTAINS, then priority.
 * Rules are cached for a few seconds (edits on this instance take effect at once, on others within 10 s).
 */
@Service
class RuleService {
    private static final long CACHE_MILLIS = 10_000;
    private static final Map<String, Integer> TYPE_ORDER = Map.of("EXACT", 0, "REGEX", 1, "CONTAINS", 2);
    private static final RowMapper<ChatRule> ROW = (rs, i) -> new ChatRule(rs.getLong("id"),
            (Long) rs.getObject("community_id", Long.class), rs.getString("match_type"), rs.getString("pattern"),
            rs.getString("reply"), rs.getInt("priority"), rs.getBoolean("enabled"), rs.getString("updated_by"),
            rs.getTimestamp("updated_at").toLocalDateTime());

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Cached cache;

    private record Compiled(ChatRule rule, String normalizedPattern, Pattern regex) {
    }

    private record Cached(List<Compiled> rules, long loadedAt) {
    }

    RuleService(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The reply of the first rule matching, or empty. */
    Optional<String> match(String text, Long communityId) {
        String n = TextNormalizer.normalize(text);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        for (Compiled c : compiled()) {
            Long rc = c.rule().communityId();
            if (rc != null && !rc.equals(communityId)) {
                continue;
            }
            boolean hit = switch (c.rule().matchType()) {
                case "EXACT" -> n.equals(c.normalizedPattern());
                case "CONTAINS" -> !c.normalizedPattern().isEmpty() && n.contains(c.normalizedPattern());
                case "REGEX" -> c.regex() != null && c.regex().matcher(n).find();
                default -> false;
            };
            if (hit) {
                return Optional.of(c.rule().reply());
            }
        }
        return Optional.empty();
    }

    private List<Compiled> compiled() {
        Cached c = cache;
        long now = System.currentTimeMillis();
        if (c == null || now - c.loadedAt() > CACHE_MILLIS) {
            List<Compiled> rules = jdbc.query("SELECT * FROM chat_rule WHERE enabled = 1", ROW).stream()
                    .map(r -> new Compiled(r, TextNormalizer.normalize(r.pattern()), compileQuietly(r)))
                    .sorted(Comparator.<Compiled>comparingInt(x -> x.rule().communityId() == null ? 1 : 0)
                            .thenComparingInt(x -> TYPE_ORDER.getOrDefault(x.rule().matchType(), 9))
                            .thenComparing(x -> -x.rule().priority())
                            .thenComparingLong(x -> x.rule().id()))
                    .toList();
            c = new Cached(rules, now);
            cache = c;
        }
        return c.rules();
    }

    private static Pattern compileQuietly(ChatRule r) {
        if (!"REGEX".equals(r.matchType())) {
            return null;
        }
        try {
            return Pattern.compile(r.pattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    // ---- staff API ----

    List<ChatRule> list(CurrentStaff staff) {
        if (staff.communityId() == null) {
            return jdbc.query("SELECT * FROM chat_rule ORDER BY community_id, priority DESC, id", ROW);
        }
        return jdbc.query("SELECT * FROM chat_rule WHERE community_id IS NULL OR community_id = ? "
                + "ORDER BY community_id, priority DESC, id", ROW, staff.communityId());
    }

    ChatRule get(long id) {
        return jdbc.query("SELECT * FROM chat_rule WHERE id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> new BizException(ChatError.RULE_NOT_FOUND));
    }

    record RuleInput(Long communityId, String matchType, String pattern, String reply, Integer priority, Boolean enabled) {
    }

    ChatRule create(CurrentStaff staff, RuleInput in) {
        Long community = mayEdit(staff, in.communityId());
        validate(in);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        GeneratedKeyHolder kh = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO chat_rule (community_id, match_type, pattern, reply, priority, enabled, "
                    + "updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setObject(1, community);
            ps.setString(2, in.matchType());
            ps.setString(3, in.pattern().strip());
            ps.setString(4, in.reply().strip());
            ps.setInt(5, in.priority() == null ? 0 : in.priority());
            ps.setBoolean(6, in.enabled() == null || in.enabled());
            ps.setString(7, staff.username());
            ps.setTimestamp(8, now);
            ps.setTimestamp(9, now);
            return ps;
        }, kh);
        cache = null;
        return get(kh.getKey().longValue());
    }

    ChatRule update(CurrentStaff staff, long id, RuleInput in) {
        ChatRule old = get(id);
        mayEdit(staff, old.communityId());
        Long community = mayEdit(staff, in.communityId());
        validate(in);
        jdbc.update("UPDATE chat_rule SET community_id = ?, match_type = ?, pattern = ?, reply = ?, priority = ?, enabled = ?, "
                        + "updated_by = ?, updated_at = ? WHERE id = ?", community, in.matchType(), in.pattern().strip(),
                in.reply().strip(), in.priority() == null ? old.priority() : in.priority(),
                in.enabled() == null ? old.enabled() : in.enabled(), staff.username(),
                Timestamp.valueOf(LocalDateTime.now(clock)), id);
        cache = null;
        return get(id);
    }

    void delete(CurrentStaff staff, long id) {
        ChatRule old = get(id);
        mayEdit(staff, old.communityId());
        jdbc.update("DELETE FROM chat_rule WHERE id = ?", id);
        cache = null;
    }

    /** District-wide rules: district administrators only; community rules: that community's staff. */
    private static Long mayEdit(CurrentStaff staff, Long community) {
        if (community == null) {
            if (staff.communityId() != null) {
                throw new BizException(CommonError.FORBIDDEN, "全区通用规则只能由区级管理员修改");
            }
            return null;
        }
        staff.requireCommunity(community);
        return community;
    }

    private static void validate(RuleInput in) {
        if (!TYPE_ORDER.containsKey(in.matchType())) {
            throw BizException.invalid("matchType", "匹配方式只能是 EXACT、CONTAINS 或 REGEX");
        }
        if ("REGEX".equals(in.matchType())) {
            try {
                Pattern.compile(in.pattern());
            } catch (PatternSyntaxException e) {
                throw new BizException(ChatError.RULE_PATTERN_INVALID, ChatError.RULE_PATTERN_INVALID.message(), "pattern");
            }
        } else if (TextNormalizer.normalize(in.pattern()).isEmpty()) {
            throw BizException.invalid("pattern", "关键词不能只有空格或标点");
        }
    }
}
