package dev.canopy.solver.multitree;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many threads build a channel's trees ({@link TreeForks}), and from how many receivers on:
 * below that a thread pool costs more than it saves. The plan does not depend on either.
 *
 * @param threads threads building trees at once (1: one after the other, on the calling thread)
 * @param minReceivers a channel with fewer receivers is built on the calling thread
 * @param forked counts the attempts at a channel whose trees forks built (for tests and
 *     measurements)
 * @param refused counts the attempts whose forks turned out to depend on what the trees before
 *     took (then the trees are built one after the other)
 */
record Parallelism(int threads, int minReceivers, AtomicInteger forked, AtomicInteger refused) {
    /**
     * System property that sets the threads; default 1: on the shared 2-core machine the forks'
     * extra work (about 0.6 s of CPU at 10^6 peers) cost more wall time than the second thread
     * saved (docs/benchmarks.md).
     */
    static final String THREADS_PROPERTY = "canopy.threads";

    /** Channels smaller than this are built on the calling thread by default. */
    static final int DEFAULT_MIN_RECEIVERS = 50_000;

    Parallelism {
        if (threads < 1 || minReceivers < 0 || forked == null || refused == null) {
            throw new IllegalArgumentException("threads must be positive and minReceivers not negative");
        }
    }

    /** The given threads from {@code minReceivers} on, with new counts. */
    Parallelism(int threads, int minReceivers) {
        this(threads, minReceivers, new AtomicInteger(), new AtomicInteger());
    }

    /** The threads from {@value #THREADS_PROPERTY} (else 1), from {@value #DEFAULT_MIN_RECEIVERS} receivers on. */
    static Parallelism configured() {
        int threads = Integer.getInteger(THREADS_PROPERTY, 1);
        return new Parallelism(Math.max(1, threads), DEFAULT_MIN_RECEIVERS);
    }

    /** Whether a channel with this many receivers is built by several threads. */
    boolean parallel(int receivers) {
        return threads > 1 && receivers >= minReceivers;
    }
}
