package dev.canopy.model.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daily window {@code HH:MM-HH:MM} in local time. The start is inclusive and the end
 * exclusive; a window whose end is not after its start wraps past midnight
 * ({@code 22:00-06:00}), and one whose end equals its start covers the whole day.
 */
public record Hours(LocalTime start, LocalTime end) {
    private static final Pattern FORM = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public Hours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /**
     * Parses {@code HH:MM-HH:MM}; {@code 24:00} is accepted as an end meaning midnight.
     *
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    @JsonCreator
    public static Hours parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("hours must look like HH:MM-HH:MM, got \"" + text + "\"");
        }
        try {
            LocalTime start = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            int endHour = Integer.parseInt(m.group(3));
            int endMinute = Integer.parseInt(m.group(4));
            LocalTime end = endHour == 24 && endMinute == 0 ? LocalTime.MIDNIGHT : LocalTime.of(endHour, endMinute);
            return new Hours(start, end);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("hours out of range in \"" + text + "\"", e);
        }
    }

    /** Whether a local time of day falls inside the window. */
    public boolean contains(LocalTime time) {
        if (start.equals(end)) {
            return true;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    @JsonValue
    @Override
    public String toString() {
        return HH_MM.format(start) + "-" + HH_MM.format(end);
    }
}
