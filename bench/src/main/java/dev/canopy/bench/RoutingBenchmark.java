package dev.canopy.bench;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of routing lookups between regions, which strategies and the verifier ask for on every
 * candidate parent and every edge. The snapshot has many regions ({@link Networks#manyRegions}:
 * 6 continents x 8 countries x 50 ISPs, about 2,500 regions and 32,000 links) and the region pairs are drawn,
 * seeded, from the regions of two random nodes (so large ISPs come up more often, as in
 * planning), keeping only pairs whose lookup is not trivial (different attachment regions).
 *
 * <ul>
 *   <li>{@link #route} and {@link #latencyMicros}: warm caches, every pair looked up once in
 *       setup; the steady state of a planning run (nanoseconds per lookup).
 *   <li>{@link #coldRoute} and {@link #coldLatencyMicros}: the first lookup on a new
 *       {@link Routing} built in an invocation-level setup, so each call pays one Dijkstra from
 *       the pair's source (microseconds; the per-call setup is not timed, and a call lasts far
 *       longer than the timestamps JMH takes around it).
 *   <li>{@link #build}: building a {@link Routing} for the index (adjacency, link ranking by id,
 *       attachments), which every {@code canopy plan} and every unshared verification pays.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RoutingBenchmark {
    /** Region pairs in the rotation; a power of two. */
    static final int PAIRS = 1 << 12;

    /** Peers of the snapshot: only where they live matters here. */
    static final int PEERS = 20_000;

    private SnapshotIndex index;
    private final int[] from = new int[PAIRS];
    private final int[] to = new int[PAIRS];
    private Routing warm;
    private int cursor;

    @Setup(Level.Trial)
    public void setUp() {
        index = SnapshotIndex.of(Networks.manyRegions(PEERS));
        Routing probe = Routing.of(index);
        SplittableRandom random = new SplittableRandom(1);
        int drawn = 0;
        while (drawn < PAIRS) {
            int a = index.regionOf(random.nextInt(index.nodeCount()));
            int b = index.regionOf(random.nextInt(index.nodeCount()));
            int attachA = probe.attachment(a);
            int attachB = probe.attachment(b);
            if (attachA >= 0 && attachB >= 0 && attachA != attachB) {
                from[drawn] = a;
                to[drawn] = b;
                drawn++;
            }
        }
        warm = Routing.of(index);
        for (int i = 0; i < PAIRS; i++) {
            warm.route(from[i], to[i]);
            warm.latencyMicros(from[i], to[i]);
        }
    }

    /** A routing with empty caches, new for every call. */
    @State(Scope.Thread)
    public static class Cold {
        Routing routing;

        @Setup(Level.Invocation)
        public void fresh(RoutingBenchmark bench) {
            routing = Routing.of(bench.index);
        }
    }

    private int next() {
        int i = cursor;
        cursor = (i + 1) & (PAIRS - 1);
        return i;
    }

    /** A cached route. */
    @Benchmark
    public Route route() {
        int i = next();
        return warm.route(from[i], to[i]);
    }

    /** A latency from a cached shortest-path tree. */
    @Benchmark
    public long latencyMicros() {
        int i = next();
        return warm.latencyMicros(from[i], to[i]);
    }

    /** The first route asked of a new routing: one Dijkstra, then the path. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Route coldRoute(Cold cold) {
        int i = next();
        return cold.routing.route(from[i], to[i]);
    }

    /** The first latency asked of a new routing: one Dijkstra. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long coldLatencyMicros(Cold cold) {
        int i = next();
        return cold.routing.latencyMicros(from[i], to[i]);
    }

    /** Building a routing for the index, before any lookup. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Routing build() {
        return Routing.of(index);
    }
}
