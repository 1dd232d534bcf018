package org.redstation.auth;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.LocalDateTime;
import org.redstation.common.BizException;
import org.redstation.common.CommonError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Staff accounts: sign-in with per-account back-off counted in the row, per-address limits, the same
 * hashing for unknown names; creation by administrators within the role rules; the first sign-in's
 * password change. Threats and tests: README.md of this package.
 */
@Service
public class StaffService {
    private static final Logger log = LoggerFactory.getLogger(StaffService.class);
    private final StaffAccountMapper accounts;
    private final SessionTokens tokens;
    private final AuthProperties props;
    private final StaffLoginProperties limits;
    private final LoginAttempts attempts;
    private final Passwords passwords;
    private final CommunityDirectory communities;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    StaffService(StaffAccountMapper accounts, SessionTokens tokens, AuthProperties props, StaffLoginProperties limits,
                 LoginAttempts attempts, Passwords passwords, CommunityDirectory communities, Clock clock,
                 org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.tokens = tokens;
        this.props = props;
        this.limits = limits;
        this.attempts = attempts;
        this.passwords = passwords;
        this.communities = communities;
        this.clock = clock;
    }

    public record StaffLogin(String token, long expiresIn, CurrentStaff staff, boolean passwordChangeRequired) {
    }

    record NewStaff(String username, String password, String displayName, StaffRole role, Long communityId, Long streetId,
                    boolean mustChangePassword) {
    }

    StaffLogin login(String rawUsername, String password, String ip) {
        if (!attempts.tryFromAddress(ip)) {
            log.info("staff login refused: too many failures from {}", ip);
            throw new BizException(AuthError.STAFF_LOGIN_IP_LIMITED);
        }
        String name = Usernames.normalise(rawUsername).orElse(null);
        StaffAccount a = name == null ? null : byUsername(name);
        if (a == null) {
            // an unknown name waits and hashes like a known one, so answers do not tell which names exist
            if (!attempts.tryUnknownName(name == null ? rawUsername.strip().toLowerCase(java.util.Locale.ROOT) : name)) {
                throw new BizException(AuthError.STAFF_LOGIN_LOCKED);
            }
            passwords.dummyMatch(password);
            throw new BizException(AuthError.STAFF_LOGIN_FAILED);
        }
        if (!takeTry(a)) {
            log.info("staff login refused: account {} is waiting after failures", a.getId());
            throw new BizException(AuthError.STAFF_LOGIN_LOCKED);
        }
        if (!passwords.matches(password, a.getPasswordHash()) || !a.active()) {
            log.info("staff login failed for account {}", a.getId());
            throw new BizException(AuthError.STAFF_LOGIN_FAILED);
        }
        accounts.loginSucceeded(a.getId());
        attempts.succeededFromAddress(ip);
        if (passwords.needsUpgrade(a.getPasswordHash())) {
            accounts.upgradeHash(a.getId(), passwords.hash(password), LocalDateTime.now(clock));
        }
        String token = tokens.create('S', a.getId(), props.staffSessionTtl());
        CurrentStaff me = a.toCurrent(communities);
        return new StaffLogin(token, props.staffSessionTtl().toSeconds(), me, me.passwordChangeRequired());
    }

    /**
     * The live account behind a staff id, as a request would see it: empty when it is gone or disabled. Other
     * modules check this before acting for staff outside a web session (e.g. a WeChat binding), so a disabled
     * account or a changed community takes effect at once.
     */
    public java.util.Optional<CurrentStaff> live(long staffId) {
        StaffAccount a = accounts.selectById(staffId);
        return a == null || !a.active() ? java.util.Optional.empty() : java.util.Optional.of(a.toCurrent(communities));
    }

    /** {@link #live} for many ids in one statement (e.g. everyone bound to WeChat); gone or disabled ones are absent. */
    public java.util.Map<Long, CurrentStaff> liveAll(java.util.Collection<Long> staffIds) {
        if (staffIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, CurrentStaff> live = new java.util.LinkedHashMap<>();
        for (StaffAccount a : accounts.selectBatchIds(staffIds)) {
            if (a.active()) {
                live.put(a.getId(), a.toCurrent(communities));
            }
        }
        return live;
    }

    /** One counted try in the row (0 rows = waiting): the database is the judge, parallel tries are counted exactly. */
    private boolean takeTry(StaffAccount a) {
        return accounts.takeLoginTry(a.getId(), LocalDateTime.now(clock), limits.freeFailures(),
                limits.firstDelay().toSeconds(), limits.maxDelay().toSeconds()) == 1;
    }

    void changePassword(CurrentStaff me, String current, String next) {
        StaffAccount a = accounts.selectById(me.id());
        if (a == null) {
            throw new BizException(AuthError.AUTH_TOKEN_EXPIRED);
        }
        if (!takeTry(a)) {
            throw new BizException(AuthError.STAFF_LOGIN_LOCKED);
        }
        if (!passwords.matches(current, a.getPasswordHash())) {
            throw new BizException(AuthError.STAFF_PASSWORD_WRONG, AuthError.STAFF_PASSWORD_WRONG.message(), "currentPassword");
        }
        accounts.loginSucceeded(a.getId());
        if (current.equals(next)) {
            throw new BizException(AuthError.STAFF_PASSWORD_UNCHANGED, AuthError.STAFF_PASSWORD_UNCHANGED.message(), "newPassword");
        }
        requireUsablePassword("newPassword", next);
        accounts.changePassword(a.getId(), passwords.hash(next), LocalDateTime.now(clock));
        log.info("staff account {} changed its password", a.getId());
    }

    /** An account created by {@code creator}: administrators only within the role rules and their own scope. */
    CurrentStaff create(CurrentStaff creator, NewStaff in) {
        creator.requireAdmin();
        if (!creator.role().mayCreate(in.role())) {
            throw new BizException(CommonError.FORBIDDEN, "只有区级管理员可以创建管理员账号");
        }
        switch (in.role()) {
            case COMMUNITY_STAFF -> {
                if (in.communityId() == null || !communities.communityExists(in.communityId())) {
                    throw BizException.invalid("communityId", "请选择存在的社区");
                }
                creator.requireCommunity(in.communityId());
            }
            case STREET_ADMIN -> {
                if (in.streetId() == null || communities.communitiesOfStreet(in.streetId()).isEmpty()) {
                    throw BizException.invalid("streetId", "请选择存在且有社区的街道或镇");
                }
            }
            case DISTRICT_ADMIN -> {
                if (in.communityId() != null || in.streetId() != null) {
                    throw BizException.invalid("communityId", "区级管理员不属于某个社区或街道");
                }
            }
        }
        return insert(in, in.mustChangePassword());
    }

    /** The bootstrap administrator (REDSTATION_ADMIN_*): must change its configured password at first sign-in. */
    CurrentStaff createBootstrap(String username, String password) {
        return insert(new NewStaff(username, password, StaffRole.DISTRICT_ADMIN.label(), StaffRole.DISTRICT_ADMIN, null, null, true), true);
    }

    private CurrentStaff insert(NewStaff in, boolean mustChangePassword) {
        String name = Usernames.normalise(in.username())
                .orElseThrow(() -> BizException.invalid("username", Usernames.RULE));
        requireUsablePassword("password", in.password());
        LocalDateTime now = LocalDateTime.now(clock);
        StaffAccount a = new StaffAccount();
        a.setUsername(name);
        a.setPasswordHash(passwords.hash(in.password()));
        a.setDisplayName(in.displayName());
        a.setRole(in.role());
        a.setCommunityId(in.role() == StaffRole.COMMUNITY_STAFF ? in.communityId() : null);
        a.setStreetId(in.role() == StaffRole.STREET_ADMIN ? in.streetId() : null);
        a.setEnabled(true);
        a.setMustChangePassword(mustChangePassword);
        a.setFailedLogins(0);
        a.setCreatedAt(now);
        a.setUpdatedAt(now);
        try {
            accounts.insert(a);
        } catch (DuplicateKeyException e) {
            throw new BizException(AuthError.STAFF_USERNAME_TAKEN, AuthError.STAFF_USERNAME_TAKEN.message(), "username");
        }
        log.info("staff account {} created ({}, community {}, street {})", name, in.role(), a.getCommunityId(), a.getStreetId());
        return a.toCurrent(communities);
    }

    private static void requireUsablePassword(String field, String password) {
        if (password == null || password.length() < 8 || !Passwords.fitsBcrypt(password)) {
            throw BizException.invalid(field, "密码长度应为8位以上（不超过72字节）");
        }
    }

    /** The account with this name as typed (normalised first); null when there is none. */
    StaffAccount byUsername(String username) {
        return Usernames.normalise(username)
                .map(n -> accounts.selectOne(new LambdaQueryWrapper<StaffAccount>().eq(StaffAccount::getUsername, n)))
                .orElse(null);
    }
}
