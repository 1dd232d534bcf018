package org.redstation.wish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.redstation.support.StatementCounter;
import org.redstation.wish.WishFixtures.User;

/** Lists run the same number of statements for 2 items as for 22 (no statement per row). */
class WishStatementCountIT extends IntegrationTest {

    private void postMany(User u, long communityId, int n) {
        for (int i = 0; i < n; i++) {
            api.post("/api/wishes", Map.of("category", "OTHER", "content", "计数用心愿" + i, "communityId", communityId), u.token())
                    .expect(201);
        }
    }

    @Test
    void staffQueueMyWishesAndFiguresRunTheSameStatementsForTwoAndTwentyTwoItems() {
        String admin = api.adminLogin();
        String staff = WishFixtures.communityStaff(api, admin, 5);   // 中车社区: no demo items
        User u = user();
        postMany(u, 5, 2);
        long queue2 = StatementCounter.count(() -> {
            api.get("/api/staff/wishes", staff).expect(200);
        });
        long mine2 = StatementCounter.count(() -> {
            api.get("/api/wishes/mine", u.token()).expect(200);
        });
        long figures2 = StatementCounter.count(() -> {
            api.get("/api/staff/figures", staff).expect(200);
        });
        postMany(u, 5, 20);
        long queue22 = StatementCounter.count(() -> {
            assertThat(api.get("/api/staff/wishes", staff).expect(200).body().size()).isEqualTo(22);
        });
        long mine22 = StatementCounter.count(() -> {
            api.get("/api/wishes/mine", u.token()).expect(200);
        });
        long figures22 = StatementCounter.count(() -> {
            api.get("/api/staff/figures", staff).expect(200);
        });
        assertThat(queue22).isEqualTo(queue2);
        assertThat(mine22).isEqualTo(mine2);
        assertThat(figures22).isEqualTo(figures2);
        assertThat(queue2).as("staff lookup, the queue, community names").isLessThanOrEqualTo(3);
    }

    private User user() {
        return WishFixtures.user(api, WishFixtures.unique("count"));
    }
}
