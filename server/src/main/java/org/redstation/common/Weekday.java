package org.redstation.common;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** ISO weekdays (1 = Monday … 7 = Sunday) and their one Chinese name. */
public enum Weekday {
    MONDAY("周一"), TUESDAY("周二"), WEDNESDAY("周三"), THURSDAY("周四"), FRIDAY("周五"), SATURDAY("周六"), SUNDAY("周日");

    private final String label;

    Weekday(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 1 = Monday … 7 = Sunday. */
    public int iso() {
        return ordinal() + 1;
    }

    public static boolean isValid(int iso) {
        return iso >= 1 && iso <= 7;
    }

    public static Weekday of(int iso) {
        if (!isValid(iso)) {
            throw new IllegalArgumentException("weekday " + iso);
        }
        return values()[iso - 1];
    }

    public static Weekday of(DayOfWeek d) {
        return values()[d.getValue() - 1];
    }

    public static String labelOf(LocalDate date) {
        return of(date.getDayOfWeek()).label;
    }
}
