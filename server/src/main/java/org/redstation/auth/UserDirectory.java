package org.redstation.auth;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public API of this module for other modules: users' openids (for WeChat messages), roles, phones. */
@Service
public class UserDirectory {
    private final AppUserMapper users;
    private final UserRolesCache rolesCache;

    UserDirectory(AppUserMapper users, UserRolesCache rolesCache) {
        this.users = users;
        this.rolesCache = rolesCache;
    }

    /** The mini-program openid of a user, for subscribe messages only. */
    public Optional<String> miniappOpenid(long userId) {
        return Optional.ofNullable(users.selectById(userId)).map(AppUser::getOpenid);
    }

    /** The mini-program openids of several users in one statement (the outbox reads a claimed batch's at once). */
    public Map<Long, String> miniappOpenids(Collection<Long> userIds) {
        Map<Long, String> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        users.selectList(new com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper<AppUser>()
                        .select(AppUser::getId, AppUser::getOpenid).in(AppUser::getId, userIds))
                .forEach(u -> {
                    if (u.getOpenid() != null) {
                        out.put(u.getId(), u.getOpenid());
                    }
                });
        return out;
    }

    /** The mini-program user with this unionid (links an official-account follower to the mini-program user). */
    public Optional<Long> userIdByUnionid(String unionid) {
        if (unionid == null || unionid.isBlank()) {
            return Optional.empty();
        }
        return users.selectList(new com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper<AppUser>()
                .eq(AppUser::getUnionid, unionid).orderByAsc(AppUser::getId).last("LIMIT 1"))
                .stream().findFirst().map(AppUser::getId);
    }

    /** The mini-program user of a mini-program openid (customer-service messages carry only the openid). */
    public Optional<Long> userIdByMiniappOpenid(String openid) {
        if (openid == null || openid.isBlank()) {
            return Optional.empty();
        }
        return users.selectList(new com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper<AppUser>()
                .eq(AppUser::getOpenid, openid).orderByAsc(AppUser::getId).last("LIMIT 1"))
                .stream().findFirst().map(AppUser::getId);
    }

    /** How staff see a resident: the masked nickname, else the masked phone, else null. */
    public Optional<String> maskedName(long userId) {
        AppUser u = users.selectById(userId);
        if (u == null) {
            return Optional.empty();
        }
        if (u.getNickname() != null && !u.getNickname().isBlank()) {
            return Optional.of(org.redstation.common.Masks.name(u.getNickname()));
        }
        return Optional.ofNullable(u.getPhone()).filter(p -> !p.isBlank()).map(org.redstation.common.Masks::phone);
    }

    /** A resident's full name and phone as they gave them (either may be null): only for an audited reveal. */
    public record Contact(String name, String phone) {
    }

    /** The unmasked contact of a user; callers reveal it only through {@link ContactAudit}. */
    public Optional<Contact> contact(long userId) {
        AppUser u = users.selectById(userId);
        return u == null ? Optional.empty() : Optional.of(new Contact(u.getNickname(), u.getPhone()));
    }

    public Set<Role> roles(long userId) {
        AppUser u = users.selectById(userId);
        return u == null ? Set.of() : u.roleSet();
    }

    @Transactional
    public void grantRole(long userId, Role role) {
        changeRoles(userId, role, true);
    }

    @Transactional
    public void revokeRole(long userId, Role role) {
        changeRoles(userId, role, false);
    }

    public void setPhone(long userId, String phone) {
        AppUser u = new AppUser();
        u.setId(userId);
        u.setPhone(phone);
        users.updateById(u);
    }

    private void changeRoles(long userId, Role role, boolean add) {
        AppUser u = users.selectById(userId);
        if (u == null) {
            return;
        }
        Set<Role> roles = EnumSet.copyOf(u.roleSet().isEmpty() ? EnumSet.of(Role.RESIDENT) : u.roleSet());
        if (add) {
            roles.add(role);
        } else {
            roles.remove(role);
        }
        AppUser upd = new AppUser();
        upd.setId(userId);
        upd.setRoles(AppUser.join(roles));
        users.updateById(upd);
        rolesCache.evictAfterCommit(userId);
    }
}
