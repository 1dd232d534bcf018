package org.redstation.chat;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.redstation.common.CommonError;
import org.springframework.stereotype.Service;

/**
 * Keyword rules from the database (chat_rule), matched through a {@link RuleBook}. The book is cached for a few
 * seconds (edits on this instance take effect at once, on others within 10 s).
 */
@Service
class RuleService {
    private static final long CACHE_MILLIS = 10_000;

    private final ChatRuleMapper rules;
    private final Clock clock;
    private volatile Cached cache;

    private record Cached(RuleBook book, long loadedAt) {
    }

    /** {@code forwards}: true = the rule answers and the message also goes to the community's staff. */
    record RuleInput(Long communityId, String matchType, String pattern, String reply, Integer priority, Boolean enabled,
                     Boolean forwards) {
    }

    RuleService(ChatRuleMapper rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** The reply of the first rule matching, or empty. */
    Optional<String> match(String text, Long communityId) {
        return book().match(text, communityId);
    }

    /** The first rule matching: EXACT/REGEX ones ({@code contains} false) or CONTAINS ones (true). */
    Optional<ChatRule> matchRule(String text, Long communityId, boolean contains) {
        return book().matchRule(text, communityId, contains);
    }

    private RuleBook book() {
        Cached c = cache;
        long now = System.currentTimeMillis();
        if (c == null || now - c.loadedAt() > CACHE_MILLIS) {
            c = new Cached(new RuleBook(rules.selectList(new LambdaQueryWrapper<ChatRule>().eq(ChatRule::getEnabled, true))), now);
            cache = c;
        }
        return c.book();
    }

    // ---- staff API ----

    /** What the bot would answer a resident of {@code communityId} (default: the staff member's own community). */
    Optional<String> tryOut(CurrentStaff staff, String text, Long communityId) {
        if (communityId != null) {
            staff.requireCommunity(communityId);
        }
        return match(text, communityId == null ? staff.communityId() : communityId);
    }

    /** District-wide rules and those of the staff member's communities. */
    List<ChatRule> list(CurrentStaff staff) {
        LambdaQueryWrapper<ChatRule> q = new LambdaQueryWrapper<>();
        staff.scope().ifPresent(ids -> q.and(w -> w.isNull(ChatRule::getCommunityId).or().in(ChatRule::getCommunityId, ids)));
        return rules.selectList(q.orderByAsc(ChatRule::getCommunityId).orderByDesc(ChatRule::getPriority).orderByAsc(ChatRule::getId));
    }

    ChatRule get(long id) {
        return Optional.ofNullable(rules.selectById(id)).orElseThrow(() -> new BizException(ChatError.RULE_NOT_FOUND));
    }

    ChatRule create(CurrentStaff staff, RuleInput in) {
        ChatRule r = new ChatRule();
        r.setCommunityId(mayEdit(staff, in.communityId()));
        r.setMatchType(validate(staff, in));
        r.setPattern(in.pattern().strip());
        r.setReply(in.reply().strip());
        r.setForwards(Boolean.TRUE.equals(in.forwards()));
        r.setPriority(in.priority() == null ? 0 : in.priority());
        r.setEnabled(in.enabled() == null || in.enabled());
        r.setUpdatedBy(staff.username());
        r.setCreatedAt(LocalDateTime.now(clock));
        r.setUpdatedAt(r.getCreatedAt());
        rules.insert(r);
        cache = null;
        return get(r.getId());
    }

    ChatRule update(CurrentStaff staff, long id, RuleInput in) {
        ChatRule r = get(id);
        mayEdit(staff, r.getCommunityId());
        if (r.getMatchType() == RuleMatchType.REGEX) {
            requireRegexWriter(staff); // a regex rule stays the district's, also when changed to another type
        }
        r.setCommunityId(mayEdit(staff, in.communityId()));
        r.setMatchType(validate(staff, in));
        r.setPattern(in.pattern().strip());
        r.setReply(in.reply().strip());
        r.setForwards(Boolean.TRUE.equals(in.forwards()));
        if (in.priority() != null) {
            r.setPriority(in.priority());
        }
        if (in.enabled() != null) {
            r.setEnabled(in.enabled());
        }
        r.setUpdatedBy(staff.username());
        r.setUpdatedAt(LocalDateTime.now(clock));
        rules.updateById(r);
        cache = null;
        return get(id);
    }

    void delete(CurrentStaff staff, long id) {
        ChatRule r = get(id);
        mayEdit(staff, r.getCommunityId());
        if (r.getMatchType() == RuleMatchType.REGEX) {
            requireRegexWriter(staff);
        }
        rules.deleteById(id);
        cache = null;
    }

    /** District-wide rules: district administrators only; community rules: that community's staff. */
    private static Long mayEdit(CurrentStaff staff, Long community) {
        if (community == null) {
            if (!staff.isDistrictAdmin()) {
                throw new BizException(CommonError.FORBIDDEN, "全区通用规则只能由区级管理员修改");
            }
            return null;
        }
        staff.requireCommunity(community);
        return community;
    }

    /** Regular expressions: district administrators only (a pattern runs against every resident's message). */
    private static void requireRegexWriter(CurrentStaff staff) {
        if (!staff.isDistrictAdmin()) {
            throw new BizException(CommonError.FORBIDDEN, "正则表达式规则只能由区级管理员设置");
        }
    }

    private static RuleMatchType validate(CurrentStaff staff, RuleInput in) {
        RuleMatchType type = RuleMatchType.parse(in.matchType());
        if (type == null) {
            throw BizException.invalid("matchType", "匹配方式只能是 EXACT、CONTAINS 或 REGEX");
        }
        if (type == RuleMatchType.REGEX) {
            requireRegexWriter(staff);
            if (RuleBook.compile(in.pattern()) == null) {
                throw new BizException(ChatError.RULE_PATTERN_INVALID, ChatError.RULE_PATTERN_INVALID.message(), "pattern");
            }
        } else if (TextNormalizer.normalize(in.pattern()).isEmpty()) {
            throw BizException.invalid("pattern", "关键词不能只有空格或标点");
        }
        return type;
    }
}
