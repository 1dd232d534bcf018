package org.redstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The station view cache keeps nothing per unknown id beyond a small bounded negative cache. */
class StationCacheBoundsIT extends IntegrationTest {
    @Autowired
    StationViewCache cache;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tenThousandUnknownIdsDoNotGrowTheCache() {
        int stations = jdbc.queryForObject("SELECT COUNT(*) FROM station", Integer.class);
        for (long id = 1; id <= 3; id++) {
            cache.get(id);
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(cache.get(2_000_000_000L + i)).isEmpty();
        }
        for (int i = 0; i < 2_000; i++) {
            assertThat(cache.idByCode("NOPE" + i)).isEmpty();
        }
        long[] sizes = cache.sizes();
        assertThat(sizes[0]).as("stations cached").isLessThanOrEqualTo(stations);
        assertThat(sizes[1]).as("unknown ids remembered").isLessThanOrEqualTo(StationViewCache.MAX_NEGATIVE);
        assertThat(sizes[2]).as("unknown codes remembered").isLessThanOrEqualTo(StationViewCache.MAX_NEGATIVE);
        // a known station is still served after the flood
        api.get("/api/stations/3").expect(200);
    }
}
