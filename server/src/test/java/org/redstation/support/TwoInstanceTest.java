package org.redstation.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Base of the tests that need a second server instance sharing this one's database, Redis and WeChat sandbox: it is
 * started before the class's first test and closed after its last, so each such class pays one start-up.
 */
public abstract class TwoInstanceTest extends IntegrationTest {
    /** The second instance (started lazily: it needs the first one's sandbox address). */
    protected static ConfigurableApplicationContext second;
    /** The API of the second instance. */
    protected Api api2;

    @BeforeEach
    void startSecond() {
        if (second == null) {
            second = startSecondInstance();
        }
        api2 = apiOf(second);
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
            second = null;
        }
    }
}
