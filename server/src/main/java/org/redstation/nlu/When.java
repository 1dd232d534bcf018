package org.redstation.nlu;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A date and/or time range named in a message. Dates are inclusive ({@code from..to}, equal for one day; both
 * null when no day was said); times are a range ({@code start..end}, equal for a point like 18点; both null
 * when no time was said). {@code now} marks "现在 / 还开着吗".
 */
public record When(LocalDate from, LocalDate to, LocalTime start, LocalTime end, boolean now) {
    public boolean hasDate() {
        return from != null;
    }

    public boolean hasTime() {
        return start != null;
    }

    /** The one day meant, or null for none or several. */
    public LocalDate day() {
        return from != null && from.equals(to) ? from : null;
    }
}
