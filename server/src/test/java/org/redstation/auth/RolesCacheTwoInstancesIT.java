package org.redstation.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.common.BizException;
import org.redstation.support.TwoInstanceTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Residents' roles are cached per instance (no app_user read per request), yet a role granted or revoked on one
 * instance holds on the other at the very next request, and a logout ends the session everywhere at once.
 */
class RolesCacheTwoInstancesIT extends TwoInstanceTest {

    @Autowired
    AuthArgumentResolver resolverA;
    @Autowired
    UserDirectory usersA;



    @Test
    void aRoleChangedOnOneInstanceHoldsOnTheOtherAtTheNextRequest() {
        String token = api.post("/api/auth/login", Map.of("code", "roles-cache-" + System.nanoTime())).expect(200).body()
                .path("token").asText();
        AuthArgumentResolver resolverB = second.getBean(AuthArgumentResolver.class);
        UserDirectory usersB = second.getBean(UserDirectory.class);
        long id = resolverA.currentUser(token).id();
        // both instances have the resident cached (RESIDENT only)
        assertThat(resolverA.currentUser(token).has(Role.MEMBER)).isFalse();
        assertThat(resolverB.currentUser(token).has(Role.MEMBER)).isFalse();
        assertThat(resolverB.currentUser(token)).isSameAs(resolverB.currentUser(token)); // served from B's cache

        usersA.grantRole(id, Role.MEMBER);
        assertThat(resolverB.currentUser(token).has(Role.MEMBER)).isTrue();
        assertThat(resolverA.currentUser(token).has(Role.MEMBER)).isTrue();

        usersB.revokeRole(id, Role.MEMBER);
        assertThat(resolverA.currentUser(token).has(Role.MEMBER)).isFalse();
        assertThat(resolverB.currentUser(token).has(Role.MEMBER)).isFalse();
    }

    @Test
    void aLogoutOnOneInstanceEndsTheSessionOnTheOtherAtOnce() {
        String token = api.post("/api/auth/login", Map.of("code", "roles-logout-" + System.nanoTime())).expect(200).body()
                .path("token").asText();
        AuthArgumentResolver resolverB = second.getBean(AuthArgumentResolver.class);
        resolverB.currentUser(token); // cached on B
        api.post("/api/auth/logout", Map.of(), token);
        assertThatThrownBy(() -> resolverB.currentUser(token)).isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).error()).isEqualTo(AuthError.AUTH_TOKEN_EXPIRED);
    }
}
