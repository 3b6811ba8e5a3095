package dev.canopy.policies.compile;

import java.util.Arrays;

/**
 * The delay each node gets each channel at, the longest of all delayed-feed policies that
 * select it; filled while compiling and only read afterwards (so safe to share between threads
 * once {@link CompiledPolicies#compile} has returned), except by the {@link JoinablePolicies}
 * that owns it, which {@link #reset}s and raises the entries of nodes it learns.
 */
final class DelayTable {
    private final int[][] seconds;

    DelayTable(int channels, int nodes) {
        seconds = new int[channels][nodes];
    }

    void raise(int channel, int node, int delaySec) {
        if (node >= seconds[channel].length) {
            seconds[channel] = Arrays.copyOf(seconds[channel], Math.max(node + 1, seconds[channel].length * 3 / 2));
        }
        seconds[channel][node] = Math.max(seconds[channel][node], delaySec);
    }

    /** Sets the node's delays back to none, before its rules raise them afresh. */
    void reset(int node) {
        for (int[] row : seconds) {
            if (node < row.length) {
                row[node] = 0;
            }
        }
    }

    int of(int channel, int node) {
        int[] row = seconds[channel];
        return node < row.length ? row[node] : 0;
    }
}
