package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.redstation.common.BizException;
import org.redstation.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The per-slot booking lines stay bounded whatever slot ids clients send. */
class BookingGateBoundsIT extends IntegrationTest {
    @Autowired
    BookingService bookings;

    @Test
    void threeThousandUnknownSlotIdsLeaveAtMostTheBoundOfLines() {
        for (int i = 0; i < 3_000; i++) {
            long slot = 3_000_000_000L + i;
            assertThatThrownBy(() -> bookings.book(1L, new BookingService.BookCommand(null, slot, 1L, null, null, false)))
                    .isInstanceOf(BizException.class).hasMessageContaining("时段不存在");
        }
        assertThat(bookings.lineCount()).isLessThanOrEqualTo(BookingService.LINES_MAX);
    }
}
