package org.redstation.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Map;
import org.redstation.common.BizException;
import org.springframework.stereotype.Component;

/**
 * For a resident's hot path whose first step is a Redis read of its own (a full-slot or full-shift hint): the session,
 * the roles epoch and the caller's keys come back from ONE round trip instead of two. The resident is resolved exactly
 * as a {@link CurrentUser} parameter would be (same 401/403 codes); use it in place of that parameter.
 */
@Component
public class ResidentReads {
    private final SessionTokens tokens;
    private final AuthArgumentResolver resolver;

    ResidentReads(SessionTokens tokens, AuthArgumentResolver resolver) {
        this.tokens = tokens;
        this.resolver = resolver;
    }

    /** values: the keys' string values read with the session (a key absent in Redis has no entry). */
    public record Read(CurrentUser user, Map<String, String> values) {
    }

    public Read resident(HttpServletRequest request, Collection<String> keys) {
        String token = AuthArgumentResolver.bearer(request);
        if (token == null) {
            throw new BizException(AuthError.AUTH_TOKEN_MISSING);
        }
        SessionTokens.Principal who = tokens.resolve(token, keys);
        return new Read(resolver.resident(who), who.also());
    }
}
