package org.redstation.wish;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.util.List;
import org.redstation.common.BizException;
import org.springframework.stereotype.Component;

/** Reads of needs shared by the resident, assignee and staff services. */
@Component
class WishStore {
    private final WishMapper wishes;
    private final WishEventMapper events;
    private final WishPhotoMapper photos;
    private final VolunteerMemberMapper members;

    WishStore(WishMapper wishes, WishEventMapper events, WishPhotoMapper photos, VolunteerMemberMapper members) {
        this.wishes = wishes;
        this.events = events;
        this.photos = photos;
        this.members = members;
    }

    Wish get(long id) {
        Wish w = wishes.selectById(id);
        if (w == null) {
            throw new BizException(WishError.WISH_NOT_FOUND);
        }
        return w;
    }

    List<WishEvent> timeline(long id) {
        return events.selectList(new LambdaQueryWrapper<WishEvent>().eq(WishEvent::getWishId, id).orderByAsc(WishEvent::getId));
    }

    List<WishPhoto> photos(long id) {
        return photos.selectList(new LambdaQueryWrapper<WishPhoto>().eq(WishPhoto::getWishId, id).orderByAsc(WishPhoto::getId));
    }

    /** The user may accept and complete this item: its assignee user, or a member of the assigned team. */
    boolean isAssignee(Wish w, long userId) {
        if (w.getAssigneeUserId() != null && w.getAssigneeUserId() == userId) {
            return true;
        }
        return w.getAssigneeKind() == AssigneeKind.TEAM && members.selectCount(new LambdaQueryWrapper<VolunteerMember>()
                .eq(VolunteerMember::getTeamId, w.getAssigneeId()).eq(VolunteerMember::getUserId, userId)) > 0;
    }

    List<Long> teamsOf(long userId) {
        return members.selectList(new LambdaQueryWrapper<VolunteerMember>().eq(VolunteerMember::getUserId, userId))
                .stream().map(VolunteerMember::getTeamId).toList();
    }
}
