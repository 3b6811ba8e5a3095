package dev.canopy.solver.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak heap during a plan, from the JVM's memory pools: {@link #start()} runs a full collection
 * (a request the JVM normally honours), takes the heap in use as the baseline and resets every
 * heap pool's peak; {@link Mark#peakAboveBaselineBytes()} sums the pools' peaks and subtracts
 * the baseline. The sum of per-pool peaks may add peaks reached at different moments, and
 * counts garbage not yet collected, so it is an upper bound of what the plan needed at once;
 * its spread between runs is larger than that of the time. One measurement at a time.
 */
public final class PeakHeap {
    private PeakHeap() {}

    /** A started measurement. */
    public record Mark(long baselineBytes) {
        /** Sum of the heap pools' peaks since the start, minus the baseline; at least 0. */
        public long peakAboveBaselineBytes() {
            long peak = 0;
            for (MemoryPoolMXBean pool : heapPools()) {
                peak += pool.getPeakUsage().getUsed();
            }
            return Math.max(0, peak - baselineBytes);
        }
    }

    /** Collects garbage, then starts a measurement. */
    public static Mark start() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : heapPools()) {
            used += pool.getUsage().getUsed();
            pool.resetPeakUsage();
        }
        return new Mark(used);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
                .toList();
    }
}
