package dev.canopy.solver.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The machine a benchmark ran on, for the report: cores, the JVM's maximum heap, Java and OS
 * versions, and when it ran.
 */
public record Machine(int cores, long maxHeapBytes, String java, String os, Instant date) {

    /** This JVM, at the clock's instant. */
    public static Machine current(Clock clock) {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                System.getProperty("java.vendor", "?") + " " + System.getProperty("java.version", "?") + " ("
                        + System.getProperty("java.vm.name", "?") + ")",
                System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?") + " "
                        + System.getProperty("os.arch", "?"),
                clock.instant());
    }

    /** One line: {@code 2 cores, max heap 6,000 MB, Java ..., OS ...}. */
    public String describe() {
        return String.format(
                Locale.ROOT, "%d cores, max heap %,d MB, Java %s, %s", cores, maxHeapBytes / (1 << 20), java, os);
    }
}
