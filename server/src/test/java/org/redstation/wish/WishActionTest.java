package org.redstation.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.redstation.common.BizException;

/** The transition table, without a database. */
class WishActionTest {

    @Test
    void theHappyPathRunsPostDispatchAcceptCompleteRate() {
        WishState s = WishAction.POST.target(null);
        assertThat(s).isEqualTo(WishState.SUBMITTED);
        s = WishAction.DISPATCH.check(ActorKind.STAFF, s);
        s = WishAction.ACCEPT.check(ActorKind.ASSIGNEE, s);
        s = WishAction.COMPLETE.check(ActorKind.ASSIGNEE, s);
        assertThat(WishAction.REOPEN.check(ActorKind.RESIDENT, s)).isEqualTo(WishState.SUBMITTED);
        assertThat(WishAction.RATE.check(ActorKind.RESIDENT, s)).isEqualTo(WishState.CLOSED);
    }

    @Test
    void illegalStepsAre409WithTheStateInChineseAndRatingTwiceHasItsOwnCode() {
        assertThatThrownBy(() -> WishAction.ACCEPT.check(ActorKind.ASSIGNEE, WishState.SUBMITTED))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.error()).isEqualTo(WishError.WISH_ILLEGAL_TRANSITION);
                    assertThat(e.error().status().value()).isEqualTo(409);
                    assertThat(e.userMessage()).contains("待派单").contains("接单");
                });
        assertThatThrownBy(() -> WishAction.RATE.check(ActorKind.RESIDENT, WishState.CLOSED))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.error()).isEqualTo(WishError.WISH_ALREADY_RATED));
    }

    @Test
    void finalStatesAllowNothingButClosedAndMergedAndCancelledAreFinal() {
        for (WishState end : EnumSet.of(WishState.CLOSED, WishState.MERGED, WishState.CANCELLED)) {
            assertThat(Arrays.stream(WishAction.values()).filter(a -> a.allowedFrom(end))).as(end.name()).isEmpty();
        }
    }

    @Test
    void eachActionIsDoneByOneKindOfActorAndTheWrongKindIsAProgrammingError() {
        Set<ActorKind> staffOnly = Arrays.stream(WishAction.values()).filter(a -> a.allowedFrom(WishState.SUBMITTED)
                && a.actor() == ActorKind.STAFF).map(WishAction::actor).collect(Collectors.toSet());
        assertThat(staffOnly).containsExactly(ActorKind.STAFF);
        assertThatThrownBy(() -> WishAction.DISPATCH.check(ActorKind.RESIDENT, WishState.SUBMITTED))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void escalateAndGroupKeepTheStateAndEveryStateHasOneLabel() {
        assertThat(WishAction.ESCALATE.check(ActorKind.SYSTEM, WishState.ACCEPTED)).isEqualTo(WishState.ACCEPTED);
        assertThat(WishAction.GROUP.check(ActorKind.STAFF, WishState.DISPATCHED)).isEqualTo(WishState.DISPATCHED);
        assertThat(Arrays.stream(WishState.values()).map(WishState::label).distinct()).hasSize(WishState.values().length);
        assertThat(WishState.OPEN).containsExactlyInAnyOrder(WishState.SUBMITTED, WishState.DISPATCHED, WishState.ACCEPTED);
    }
}
