package dev.canopy.policies.compile;

/**
 * The delay each node gets each channel at, the longest of all delayed-feed policies that
 * select it; filled while compiling and only read afterwards (so safe to share between threads
 * once {@link CompiledPolicies#compile} has returned).
 */
final class DelayTable {
    private final int[][] seconds;

    DelayTable(int channels, int nodes) {
        seconds = new int[channels][nodes];
    }

    void raise(int channel, int node, int delaySec) {
        seconds[channel][node] = Math.max(seconds[channel][node], delaySec);
    }

    int of(int channel, int node) {
        return seconds[channel][node];
    }
}
