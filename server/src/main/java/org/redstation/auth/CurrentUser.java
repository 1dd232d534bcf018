package org.redstation.auth;

import java.util.Set;
import org.redstation.common.BizException;

/** The logged-in WeChat user of a request; add it as a controller parameter to require a user login. */
public record CurrentUser(long id, Set<Role> roles) {
    public boolean has(Role role) {
        return roles.contains(role);
    }

    public CurrentUser require(Role role) {
        if (!has(role)) {
            throw new BizException(AuthError.ROLE_REQUIRED, role == Role.MEMBER ? "该功能仅对已报到党员开放" : AuthError.ROLE_REQUIRED.message());
        }
        return this;
    }
}
