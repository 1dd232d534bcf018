package org.redstation.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.redstation.common.BizException;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link CurrentUser} and {@link CurrentStaff} controller parameters from the Bearer token. */
@Component
class AuthArgumentResolver implements HandlerMethodArgumentResolver {
    private final SessionTokens tokens;
    private final AppUserMapper users;
    private final StaffAccountMapper staff;
    private final CommunityDirectory communities;
    private final UserRolesCache cached;

    AuthArgumentResolver(SessionTokens tokens, AppUserMapper users, StaffAccountMapper staff, CommunityDirectory communities,
                         UserRolesCache cached) {
        this.tokens = tokens;
        this.cached = cached;
        this.users = users;
        this.staff = staff;
        this.communities = communities;
    }

    @Override
    public boolean supportsParameter(MethodParameter p) {
        return p.getParameterType() == CurrentUser.class || p.getParameterType() == CurrentStaff.class;
    }

    @Override
    public Object resolveArgument(MethodParameter p, ModelAndViewContainer mav, NativeWebRequest req, WebDataBinderFactory f) {
        String token = bearer(req.getNativeRequest(HttpServletRequest.class));
        boolean optional = p.hasParameterAnnotation(AuthOptional.class);
        if (token == null) {
            if (optional) {
                return null;
            }
            throw new BizException(AuthError.AUTH_TOKEN_MISSING);
        }
        if (p.getParameterType() == CurrentUser.class) {
            return currentUser(token);
        }
        SessionTokens.Principal who = tokens.resolve(token);
        if (who.kind() != 'S') {
            throw new BizException(AuthError.STAFF_LOGIN_REQUIRED);
        }
        StaffAccount a = staff.selectById(who.id()); // never cached: a disabled account ends at once
        if (a == null || !a.active()) {
            throw new BizException(AuthError.AUTH_TOKEN_EXPIRED);
        }
        // read from the row on every request: changing the password ends the restriction at once
        if (Boolean.TRUE.equals(a.getMustChangePassword()) && !p.hasParameterAnnotation(PasswordChangePending.class)) {
            throw new BizException(AuthError.PASSWORD_CHANGE_REQUIRED);
        }
        return a.toCurrent(communities);
    }

    /** The resident of a token: the session read live, the roles cached while the roles epoch read with it holds. */
    CurrentUser currentUser(String token) {
        return resident(tokens.resolve(token));
    }

    /** The resident of a principal read with other keys ({@link ResidentReads}). */
    CurrentUser resident(SessionTokens.Principal who) {
        if (who.kind() != 'U') {
            throw new BizException(AuthError.USER_LOGIN_REQUIRED);
        }
        CurrentUser u = cached.get(who.id(), who.rolesEpoch(), id -> {
            AppUser row = users.selectById(id);
            return row == null ? null : new CurrentUser(row.getId(), row.roleSet());
        });
        if (u == null) {
            throw new BizException(AuthError.AUTH_TOKEN_EXPIRED);
        }
        return u;
    }

    static String bearer(HttpServletRequest req) {
        String h = req == null ? null : req.getHeader("Authorization");
        if (h == null || h.isBlank()) {
            return null;
        }
        return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : h.trim();
    }
}
