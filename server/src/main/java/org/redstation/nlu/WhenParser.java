package org.redstation.nlu;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days and times residents say, relative to {@code now}: 今天/今晚/明天/后天/大后天, 周六, 这周六, 下周一, (这/下)周末,
 * 12月3号, 3号, 上午/中午/下午/晚上, 18点, 晚上七点, 3点半, 3点到5点, 现在. A bare weekday is its next
 * occurrence (today included); a bare 1-6点 is afternoon (stations are not open at 3 a.m.).
 */
final class WhenParser {
    private static final String CN = "零〇一二两三四五六七八九十";
    // Chinese numerals before 月/号/日/点/时 become digits; not "快一点 / 早一点" (meaning "a bit")
    private static final Pattern CN_NUMBER = Pattern.compile("(?<![快早晚慢多少好大小差有些])([" + CN + "]{1,3})(?=[月号日点时])");
    private static final Pattern NOW = Pattern.compile("现在|这会儿?|此刻|目前|马上|还开着|开着吗|还开吗|开着没");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})月(\\d{1,2})[号日]?");
    private static final Pattern DAY_ONLY = Pattern.compile("(?<![月\\d])(\\d{1,2})[号日](?![楼线门床窗院])");
    private static final Pattern WEEKDAY = Pattern.compile("(下下|下个?|这个?|本)?(?:周|星期|礼拜)([一二三四五六日天1-7])");
    private static final Pattern WEEKEND = Pattern.compile("(下个?|这个?|本)?周末");
    private static final Pattern RELATIVE = Pattern.compile("大后天|后天|明天|明日|明早|明晚|今天|今日|今早|今晚");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?:点|时)(半|一刻|(\\d{1,2})分?)?");
    private static final Pattern NOT_A_TIME = Pattern.compile("[四4]点半课堂|(早上|上午|中午|下午|晚上)好");

    private WhenParser() {
    }

    /** The day and time in {@code text} (normalised), or null when it names none. */
    static When parse(String text, LocalDateTime now) {
        String s = digits(NOT_A_TIME.matcher(text).replaceAll(""));
        LocalDate today = now.toLocalDate();
        if (NOW.matcher(s).find()) {
            LocalTime t = now.toLocalTime().withSecond(0).withNano(0);
            return new When(today, today, t, t, true);
        }
        LocalDate[] days = days(s, today);
        LocalTime[] times = times(s);
        if (days == null && times == null) {
            return null;
        }
        return new When(days == null ? null : days[0], days == null ? null : days[1],
                times == null ? null : times[0], times == null ? null : times[1], false);
    }

    private static LocalDate[] days(String s, LocalDate today) {
        Matcher m = MONTH_DAY.matcher(s);
        if (m.find()) {
            int month = Integer.parseInt(m.group(1));
            int day = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12 || day < 1 || day > LocalDate.of(today.getYear(), month, 1).lengthOfMonth()) {
                return null;
            }
            LocalDate d = LocalDate.of(today.getYear(), month, day);
            return one(d.isBefore(today) ? d.plusYears(1) : d);
        }
        m = RELATIVE.matcher(s);
        if (m.find()) {
            String w = m.group();
            int plus = w.startsWith("大后") ? 3 : w.startsWith("后") ? 2 : w.startsWith("明") ? 1 : 0;
            return one(today.plusDays(plus));
        }
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        m = WEEKDAY.matcher(s);
        if (m.find()) {
            DayOfWeek dow = DayOfWeek.of(weekday(m.group(2).charAt(0)));
            String which = m.group(1);
            if (which == null) {
                return one(today.with(TemporalAdjusters.nextOrSame(dow)));
            }
            int weeks = which.startsWith("下下") ? 2 : which.startsWith("下") ? 1 : 0;
            return one(monday.plusWeeks(weeks).plusDays(dow.getValue() - 1L));
        }
        m = WEEKEND.matcher(s);
        if (m.find()) {
            LocalDate sat = monday.plusDays(5).plusWeeks(m.group(1) != null && m.group(1).startsWith("下") ? 1 : 0);
            return new LocalDate[] {sat.isBefore(today) ? today : sat, sat.plusDays(1)};
        }
        m = DAY_ONLY.matcher(s);
        if (m.find()) {
            int day = Integer.parseInt(m.group(1));
            LocalDate month = today.withDayOfMonth(1);
            if (day < today.getDayOfMonth()) {
                month = month.plusMonths(1);
            }
            return day >= 1 && day <= month.lengthOfMonth() ? one(month.withDayOfMonth(day)) : null;
        }
        return null;
    }

    private static LocalTime[] times(String s) {
        LocalTime[] part = partOfDay(s);
        Matcher m = CLOCK.matcher(s);
        LocalTime first = null;
        LocalTime second = null;
        while (m.find() && second == null) {
            LocalTime t = clock(m, part);
            if (t == null) {
                continue;
            }
            if (first == null) {
                first = t;
            } else {
                second = t;
            }
        }
        if (first != null) {
            return new LocalTime[] {first, second == null ? first : second};
        }
        return part;
    }

    private static LocalTime clock(Matcher m, LocalTime[] part) {
        int h = Integer.parseInt(m.group(1));
        int min = m.group(2) == null ? 0 : "半".equals(m.group(2)) ? 30 : "一刻".equals(m.group(2)) ? 15
                : Integer.parseInt(m.group(3));
        boolean afternoon = part != null && part[0].getHour() >= 12 || part != null && part[0].getHour() == 11 && h <= 2;
        if (h < 12 && (afternoon || part == null && h >= 1 && h <= 6)) {
            h += 12;
        }
        return h <= 23 && min <= 59 ? LocalTime.of(h, min) : null;
    }

    private static LocalTime[] partOfDay(String s) {
        if (s.contains("凌晨")) {
            return range(0, 0, 6, 0);
        }
        if (s.contains("晚上") || s.contains("今晚") || s.contains("明晚") || s.contains("晚饭后")) {
            return range(18, 0, 22, 0);
        }
        if (s.contains("傍晚")) {
            return range(17, 0, 19, 0);
        }
        if (s.contains("下午")) {
            return range(14, 0, 18, 0);
        }
        if (s.contains("中午")) {
            return range(11, 30, 14, 0);
        }
        if (s.contains("上午") || s.contains("早上") || s.contains("早晨") || s.contains("今早") || s.contains("明早")
                || s.contains("一早")) {
            return range(8, 0, 12, 0);
        }
        return null;
    }

    /** Chinese numerals (一 … 三十一) before a date or time word become digits. */
    static String digits(String s) {
        Matcher m = CN_NUMBER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = number(m.group(1));
            m.appendReplacement(out, n < 0 ? m.group(1) : Integer.toString(n));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int number(String cn) {
        int tens = cn.indexOf('十');
        if (tens < 0) {
            return cn.length() == 1 ? digit(cn.charAt(0)) : -1;
        }
        int high = tens == 0 ? 1 : digit(cn.charAt(0));
        int low = tens == cn.length() - 1 ? 0 : digit(cn.charAt(tens + 1));
        return high < 0 || low < 0 ? -1 : high * 10 + low;
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    private static int weekday(char c) {
        return c == '日' || c == '天' ? 7 : Character.isDigit(c) ? c - '0' : digit(c);
    }

    private static LocalDate[] one(LocalDate d) {
        return new LocalDate[] {d, d};
    }

    private static LocalTime[] range(int h1, int m1, int h2, int m2) {
        return new LocalTime[] {LocalTime.of(h1, m1), LocalTime.of(h2, m2)};
    }
}
