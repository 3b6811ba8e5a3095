package dev.canopy.model.real;

import java.util.Arrays;

/**
 * One user-week of the smartphone trace: who, whether the phone was online first, when the
 * week started and the lengths of its periods, which alternate online and offline starting
 * with the first state.
 *
 * @param startMs the week's first instant, ms since the epoch
 * @param timezoneHours the user's offset from UTC, hours
 * @param periodsMs the period lengths, ms, each at least 0
 */
record UserWeek(String user, boolean firstOnline, long startMs, double timezoneHours, long[] periodsMs) {

    /**
     * Parses one line: {@code <user> <first state 1|0> <start ms> <timezone h> <d1> <d2> ...}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static UserWeek parse(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 5) {
            throw new IllegalArgumentException("expected <user> <first state> <start ms> <timezone h> <period ms>...,"
                    + " found " + f.length + " fields");
        }
        boolean online;
        if (f[1].equals("1")) {
            online = true;
        } else if (f[1].equals("0")) {
            online = false;
        } else {
            throw new IllegalArgumentException("first state \"" + f[1] + "\" is neither 1 (online) nor 0 (offline)");
        }
        long start = number(f[2], "start");
        double timezone;
        try {
            timezone = Double.parseDouble(f[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timezone \"" + f[3] + "\" is not a number of hours");
        }
        long[] periods = new long[f.length - 4];
        for (int i = 0; i < periods.length; i++) {
            periods[i] = number(f[4 + i], "period " + (i + 1));
        }
        return new UserWeek(f[0], online, start, timezone, periods);
    }

    /** Whether period {@code i} is an online one. */
    boolean online(int i) {
        return firstOnline == (i % 2 == 0);
    }

    /** The summed length of the online periods, ms. */
    long onlineMs() {
        long sum = 0;
        for (int i = 0; i < periodsMs.length; i++) {
            if (online(i)) {
                sum += periodsMs[i];
            }
        }
        return sum;
    }

    private static long number(String text, String what) {
        try {
            long x = Long.parseLong(text);
            if (x < 0) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " \"" + text + "\" is not a non-negative number of ms");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserWeek w
                && user.equals(w.user)
                && firstOnline == w.firstOnline
                && startMs == w.startMs
                && Double.compare(timezoneHours, w.timezoneHours) == 0
                && Arrays.equals(periodsMs, w.periodsMs);
    }

    @Override
    public int hashCode() {
        return user.hashCode() * 31 + Arrays.hashCode(periodsMs);
    }

    @Override
    public String toString() {
        return "UserWeek[" + user + ", " + (firstOnline ? "online" : "offline") + " first, " + periodsMs.length
                + " periods]";
    }
}
