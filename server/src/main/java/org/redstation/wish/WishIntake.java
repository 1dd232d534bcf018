package org.redstation.wish;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.redstation.wish.WishTransitions.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public API: a need turned from a conversation by staff (转心愿), so chat never writes wish's tables. The need
 * belongs to the resident (it shows in 我的心愿), keeps the conversation's id, and is made once per conversation:
 * asking again answers the same need.
 */
@Service
public class WishIntake {
    static final int MAX_CONTENT = 500;
    private final WishMapper wishes;
    private final WishTransitions transitions;

    WishIntake(WishMapper wishes, WishTransitions transitions) {
        this.wishes = wishes;
        this.transitions = transitions;
    }

    /**
     * @param category a {@code WishCategory} name or its Chinese label; null or blank = 其他
     * @param content  the resident's words (cut to 500 characters)
     * @return the need's number, and whether this call made it
     */
    public record Turned(long wishId, boolean created) {
    }

    @Transactional
    public Turned fromConversation(CurrentStaff staff, long conversationId, long residentUserId, long communityId,
                                   String category, String content) {
        staff.requireCommunity(communityId);
        WishCategory c = category == null || category.isBlank() ? WishCategory.OTHER : WishCategory.parse(category)
                .orElseThrow(() -> BizException.invalid("category", "类别只能是：" + Arrays.stream(WishCategory.values())
                        .map(WishCategory::label).collect(Collectors.joining("、"))));
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw BizException.invalid("content", "这个会话里还没有居民的文字留言，无法转为心愿");
        }
        if (text.codePointCount(0, text.length()) > MAX_CONTENT) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_CONTENT - 1)) + "…";
        }
        Wish existing = byConversation(conversationId);
        if (existing != null) {
            return new Turned(existing.getId(), false);
        }
        LocalDateTime now = transitions.now();
        Wish w = new Wish();
        w.setUserId(residentUserId);
        w.setCommunityId(communityId);
        w.setCategory(c);
        w.setContent(text);
        w.setMayContact(true); // the resident wrote to the community and is answered in the same conversation
        w.setConversationId(conversationId);
        w.setState(WishAction.POST.target(null));
        w.setVersion(0);
        w.setPhotoCount(0);
        w.setEscalationLevel(0);
        w.setStateSince(now);
        w.setCreatedAt(now);
        w.setUpdatedAt(now);
        try {
            wishes.insert(w);
        } catch (DuplicateKeyException e) { // another staff member turned the same conversation at the same moment
            return new Turned(byConversation(conversationId).getId(), false);
        }
        transitions.record(w.getId(), WishAction.POST, new Actor(ActorKind.STAFF, staff.id(), staff.displayName()), null,
                w.getState(), "由公众号会话 #" + conversationId + " 转为心愿", now);
        return new Turned(w.getId(), true);
    }

    private Wish byConversation(long conversationId) {
        return wishes.selectOne(new LambdaQueryWrapper<Wish>().eq(Wish::getConversationId, conversationId));
    }
}
