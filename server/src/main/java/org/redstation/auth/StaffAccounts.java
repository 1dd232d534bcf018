package org.redstation.auth;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.redstation.common.BizException;
import org.redstation.common.CommonError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Administrators' view of staff accounts: the list within their reach (paged and filtered in the database) and
 * disabling / re-enabling. A district administrator reaches every account but its own; a street administrator the
 * community staff of its street's communities.
 */
@Service
class StaffAccounts {
    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);
    private final StaffAccountMapper accounts;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    StaffAccounts(StaffAccountMapper accounts, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.clock = clock;
    }

    record AccountView(long id, String username, String displayName, StaffRole role, String roleName, Long communityId,
                       Long streetId, boolean enabled, boolean mustChangePassword, LocalDateTime createdAt) {
        static AccountView of(StaffAccount a) {
            return new AccountView(a.getId(), a.getUsername(), a.getDisplayName(), a.getRole(), a.getRole().label(),
                    a.getCommunityId(), a.getStreetId(), a.active(), Boolean.TRUE.equals(a.getMustChangePassword()), a.getCreatedAt());
        }
    }

    record AccountPage(long total, int page, int size, List<AccountView> items) {
    }

    record Filter(StaffRole role, Long communityId, String keyword, Boolean enabled) {
    }

    AccountPage list(CurrentStaff me, Filter f, int page, int size) {
        me.requireAdmin();
        LambdaQueryWrapper<StaffAccount> q = new LambdaQueryWrapper<>();
        if (!me.isDistrictAdmin()) {
            List<Long> scope = me.scope().orElseThrow();
            if (scope.isEmpty()) {
                return new AccountPage(0, page, size, List.of());
            }
            q.in(StaffAccount::getCommunityId, scope);
        }
        if (f.communityId() != null) {
            me.requireCommunity(f.communityId());
            q.eq(StaffAccount::getCommunityId, f.communityId());
        }
        q.eq(f.role() != null, StaffAccount::getRole, f.role());
        q.eq(f.enabled() != null, StaffAccount::getEnabled, f.enabled());
        if (f.keyword() != null && !f.keyword().isBlank()) {
            String k = f.keyword().strip();
            q.and(w -> w.like(StaffAccount::getUsername, k).or().like(StaffAccount::getDisplayName, k));
        }
        q.orderByDesc(StaffAccount::getId); // newest first: the account just opened is on the first page
        Page<StaffAccount> p = accounts.selectPage(new Page<>(page, size), q);
        return new AccountPage(p.getTotal(), page, size, p.getRecords().stream().map(AccountView::of).toList());
    }

    AccountView setEnabled(CurrentStaff me, long id, boolean enabled) {
        me.requireAdmin();
        StaffAccount a = accounts.selectById(id);
        if (a == null || !reaches(me, a)) {
            throw new BizException(CommonError.NOT_FOUND, "没有这个工作人员账号");
        }
        if (a.getId() == me.id()) {
            throw new BizException(CommonError.FORBIDDEN, "不能停用自己的账号");
        }
        if (enabled && a.getRole() == StaffRole.COMMUNITY_STAFF && a.getCommunityId() == null) {
            throw BizException.invalid("communityId", "该账号没有所属社区，请重新开通账号");
        }
        accounts.setEnabled(id, enabled, LocalDateTime.now(clock));
        log.info("staff account {} {} by {}", id, enabled ? "enabled" : "disabled", me.id());
        if (!enabled) {
            events.publishEvent(new StaffAccountDisabled(id)); // chat drops the account's WeChat binding
        }
        return AccountView.of(accounts.selectById(id));
    }

    private static boolean reaches(CurrentStaff me, StaffAccount a) {
        if (me.isDistrictAdmin()) {
            return true;
        }
        return a.getRole() == StaffRole.COMMUNITY_STAFF && a.getCommunityId() != null && me.canSee(a.getCommunityId());
    }
}
