package org.redstation.auth;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.redstation.common.BizException;
import org.redstation.common.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Staff accounts: username/password login (locked for 15 minutes after 10 failures), created by an administrator. */
@Service
public class StaffService {
    private static final Logger log = LoggerFactory.getLogger(StaffService.class);
    private static final int MAX_FAILURES = 10;
    private final StaffAccountMapper accounts;
    private final SessionTokens tokens;
    private final AuthProperties props;
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final Clock clock;

    StaffService(StaffAccountMapper accounts, SessionTokens tokens, AuthProperties props, RedissonClient redisson,
                 RedisKeys keys, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.props = props;
        this.redisson = redisson;
        this.keys = keys;
        this.clock = clock;
    }

    public record StaffLogin(String token, long expiresIn, CurrentStaff staff) {
    }

    StaffLogin login(String username, String password) {
        RAtomicLong failures = redisson.getAtomicLong(keys.key("staff-login-failures", username.toLowerCase()));
        if (failures.get() >= MAX_FAILURES) {
            throw new BizException(AuthError.STAFF_LOGIN_LOCKED);
        }
        StaffAccount a = byUsername(username);
        if (a == null || !Boolean.TRUE.equals(a.getEnabled()) || !Passwords.matches(password, a.getPasswordHash())) {
            failures.incrementAndGet();
            failures.expire(Duration.ofMinutes(15));
            log.info("staff login failed for {}", username);
            throw new BizException(AuthError.STAFF_LOGIN_FAILED);
        }
        failures.delete();
        String token = tokens.create('S', a.getId(), props.staffSessionTtl());
        return new StaffLogin(token, props.staffSessionTtl().toSeconds(), a.toCurrent());
    }

    CurrentStaff create(String username, String password, String displayName, Long communityId, boolean admin) {
        LocalDateTime now = LocalDateTime.now(clock);
        StaffAccount a = new StaffAccount();
        a.setUsername(username);
        a.setPasswordHash(Passwords.hash(password));
        a.setDisplayName(displayName);
        a.setCommunityId(communityId);
        a.setAdmin(admin);
        a.setEnabled(true);
        a.setCreatedAt(now);
        a.setUpdatedAt(now);
        try {
            accounts.insert(a);
        } catch (DuplicateKeyException e) {
            throw new BizException(AuthError.STAFF_USERNAME_TAKEN, AuthError.STAFF_USERNAME_TAKEN.message(), "username");
        }
        log.info("staff account {} created (community {})", username, communityId);
        return a.toCurrent();
    }

    StaffAccount byUsername(String username) {
        return accounts.selectOne(new LambdaQueryWrapper<StaffAccount>().eq(StaffAccount::getUsername, username));
    }
}
