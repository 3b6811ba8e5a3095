package dev.canopy.model.routing;

import dev.canopy.model.Link;
import dev.canopy.model.SnapshotIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Routes traffic between regions exactly as the snapshot format defines it: two nodes in the
 * same region exchange traffic inside it; otherwise each region is attached to its nearest
 * linked ancestor-or-self (at zero latency), and traffic follows the lowest-latency path over
 * links between the attachments, ties broken by the lexicographically smallest sequence of
 * link ids; where no path exists (or a region has no linked ancestor) traffic takes an implicit,
 * unbounded transit path with the snapshot's {@code defaultLatencyMs}.
 *
 * <p>Shortest paths are computed once per attachment region on first use and cached, and so
 * is each route once asked for, so repeated queries cost an array read (a map lookup when
 * there are more than {@value #TABLE_REGIONS} regions). Thread-safe: routes are immutable, so a
 * table slot written by one thread and read unsynchronised by another is either seen or
 * computed again to an equal route.
 * Latencies are summed in integer microseconds, so that ties are exact.
 */
public final class Routing {
    private static final long UNREACHED = Long.MAX_VALUE;

    private final SnapshotIndex index;
    private final int[] attach;
    private final int[][] adjacentLinks;
    private final int[] linkRank;
    private final long[] linkMicros;
    private final int[] linkA;
    private final int[] linkB;
    private final long defaultMicros;
    private final ConcurrentHashMap<Integer, PathTree> trees = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Route> routes = new ConcurrentHashMap<>();

    /** Up to this many regions, routes are kept in a table of rows, one per source region. */
    private static final int TABLE_REGIONS = 4096;

    private final AtomicReferenceArray<Route[]> table;

    private Routing(SnapshotIndex index) {
        this.index = index;
        int regions = index.regionCount();
        int links = index.linkCount();
        List<List<Integer>> adjacency = new ArrayList<>(regions);
        for (int r = 0; r < regions; r++) {
            adjacency.add(new ArrayList<>());
        }
        linkMicros = new long[links];
        linkA = new int[links];
        linkB = new int[links];
        for (int l = 0; l < links; l++) {
            Link link = index.link(l);
            int a = index.regionIndex(link.a()).orElseThrow();
            int b = index.regionIndex(link.b()).orElseThrow();
            linkA[l] = a;
            linkB[l] = b;
            adjacency.get(a).add(l);
            if (a != b) {
                adjacency.get(b).add(l);
            }
            linkMicros[l] = Math.round(link.latencyMs() * 1000);
        }
        adjacentLinks = new int[regions][];
        for (int r = 0; r < regions; r++) {
            adjacentLinks[r] =
                    adjacency.get(r).stream().mapToInt(Integer::intValue).toArray();
        }
        Integer[] order = new Integer[links];
        for (int l = 0; l < links; l++) {
            order[l] = l;
        }
        Arrays.sort(order, Comparator.comparing(l -> index.link(l).id()));
        linkRank = new int[links];
        for (int rank = 0; rank < links; rank++) {
            linkRank[order[rank]] = rank;
        }
        attach = new int[regions];
        for (int r = 0; r < regions; r++) {
            int a = r;
            int guard = 0;
            while (a >= 0 && adjacentLinks[a].length == 0 && guard++ <= regions) {
                a = index.parentRegion(a);
            }
            attach[r] = a;
        }
        defaultMicros = Math.round(index.snapshot().defaultLatencyMs() * 1000);
        table = regions <= TABLE_REGIONS ? new AtomicReferenceArray<>(regions) : null;
    }

    /** Routing for a validated snapshot's index. */
    public static Routing of(SnapshotIndex index) {
        return new Routing(index);
    }

    /** The index this routing was built from. */
    public SnapshotIndex index() {
        return index;
    }

    /** The region whose links a region's traffic uses: itself or its nearest linked ancestor; -1 if none. */
    public int attachment(int region) {
        return attach[region];
    }

    /** The route from one region to another; routes are kept once computed. */
    public Route route(int fromRegion, int toRegion) {
        if (table != null) {
            Route[] row = table.get(fromRegion);
            if (row == null) {
                table.compareAndSet(fromRegion, null, new Route[attach.length]);
                row = table.get(fromRegion);
            }
            Route route = row[toRegion];
            if (route == null) {
                route = compute(fromRegion, toRegion);
                row[toRegion] = route;
            }
            return route;
        }
        long key = (long) fromRegion * attach.length + toRegion;
        Route cached = routes.get(key);
        return cached != null ? cached : routes.computeIfAbsent(key, k -> compute(fromRegion, toRegion));
    }

    private Route compute(int fromRegion, int toRegion) {
        if (fromRegion == toRegion) {
            return Route.inside(fromRegion);
        }
        int a = attach[fromRegion];
        int b = attach[toRegion];
        if (a < 0 || b < 0) {
            return Route.implicit(fromRegion, toRegion, defaultMicros);
        }
        if (a == b) {
            return Route.attached(fromRegion, toRegion);
        }
        PathTree tree = tree(a);
        if (tree.micros[b] == UNREACHED) {
            return Route.implicit(fromRegion, toRegion, defaultMicros);
        }
        int hops = 0;
        for (int v = b; v != a; v = tree.previous[v]) {
            hops++;
        }
        int[] links = new int[hops];
        boolean[] forward = new boolean[hops];
        int i = hops;
        for (int v = b; v != a; v = tree.previous[v]) {
            i--;
            links[i] = tree.via[v];
            forward[i] = linkA[tree.via[v]] == tree.previous[v];
        }
        return new Route(fromRegion, toRegion, links, forward, tree.micros[b], false);
    }

    /** Latency of the route between two regions, in milliseconds; cheaper than {@link #route}. */
    public double latencyMs(int fromRegion, int toRegion) {
        return latencyMicros(fromRegion, toRegion) / 1000.0;
    }

    /** Latency of the route between two regions in integer microseconds. */
    public long latencyMicros(int fromRegion, int toRegion) {
        if (fromRegion == toRegion) {
            return 0;
        }
        int a = attach[fromRegion];
        int b = attach[toRegion];
        if (a < 0 || b < 0) {
            return defaultMicros;
        }
        if (a == b) {
            return 0;
        }
        long micros = tree(a).micros[b];
        return micros == UNREACHED ? defaultMicros : micros;
    }

    /** Route between the regions of two nodes. */
    public Route routeBetweenNodes(int fromNode, int toNode) {
        return route(index.regionOf(fromNode), index.regionOf(toNode));
    }

    private PathTree tree(int source) {
        PathTree cached = trees.get(source);
        return cached != null ? cached : trees.computeIfAbsent(source, this::dijkstra);
    }

    /**
     * Shortest paths from one attachment region, ordered by (latency, sequence of link ranks).
     * The queue holds each reached region once, keyed by its current latency and sequence, and
     * moves it up when either improves; two regions never share a sequence, so the order in
     * which regions are settled is total.
     */
    private PathTree dijkstra(int source) {
        int regions = attach.length;
        long[] micros = new long[regions];
        int[] previous = new int[regions];
        int[] via = new int[regions];
        int[][] sequences = new int[regions][];
        boolean[] done = new boolean[regions];
        Arrays.fill(micros, UNREACHED);
        Arrays.fill(previous, -1);
        Arrays.fill(via, -1);
        micros[source] = 0;
        sequences[source] = new int[0];
        RegionQueue queue = new RegionQueue(micros, sequences);
        queue.offer(source);
        while (!queue.isEmpty()) {
            int u = queue.poll();
            done[u] = true;
            for (int link : adjacentLinks[u]) {
                int v = linkA[link] == u ? linkB[link] : linkA[link];
                if (done[v]) {
                    continue;
                }
                long candidate = micros[u] + linkMicros[link];
                if (candidate > micros[v]) {
                    continue;
                }
                int[] sequence = Arrays.copyOf(sequences[u], sequences[u].length + 1);
                sequence[sequences[u].length] = linkRank[link];
                if (candidate < micros[v] || Arrays.compare(sequence, sequences[v]) < 0) {
                    micros[v] = candidate;
                    previous[v] = u;
                    via[v] = link;
                    sequences[v] = sequence;
                    queue.offer(v);
                }
            }
        }
        return new PathTree(micros, previous, via);
    }

    /**
     * A binary heap of region numbers ordered by (latency, link-rank sequence), read from the
     * arrays Dijkstra updates; a region is queued at most once and moved up when its key
     * improves (keys only ever improve).
     */
    private static final class RegionQueue {
        private final long[] micros;
        private final int[][] sequences;
        private final int[] heap;
        private final int[] position;
        private int size;

        RegionQueue(long[] micros, int[][] sequences) {
            this.micros = micros;
            this.sequences = sequences;
            this.heap = new int[micros.length];
            this.position = new int[micros.length];
            Arrays.fill(position, -1);
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** Queues a region, or moves it up after its key improved. */
        void offer(int region) {
            int at = position[region];
            if (at < 0) {
                at = size++;
                heap[at] = region;
                position[region] = at;
            }
            up(at);
        }

        int poll() {
            int top = heap[0];
            position[top] = -1;
            size--;
            if (size > 0) {
                heap[0] = heap[size];
                position[heap[0]] = 0;
                down(0);
            }
            return top;
        }

        private void up(int at) {
            int region = heap[at];
            while (at > 0) {
                int parent = (at - 1) / 2;
                if (!before(region, heap[parent])) {
                    break;
                }
                heap[at] = heap[parent];
                position[heap[at]] = at;
                at = parent;
            }
            heap[at] = region;
            position[region] = at;
        }

        private void down(int at) {
            int region = heap[at];
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && before(heap[child + 1], heap[child])) {
                    child++;
                }
                if (!before(heap[child], region)) {
                    break;
                }
                heap[at] = heap[child];
                position[heap[at]] = at;
                at = child;
            }
            heap[at] = region;
            position[region] = at;
        }

        private boolean before(int a, int b) {
            return micros[a] != micros[b] ? micros[a] < micros[b] : Arrays.compare(sequences[a], sequences[b]) < 0;
        }
    }

    /** Shortest-path tree from one source: latency, previous region and link used per region. */
    private record PathTree(long[] micros, int[] previous, int[] via) {}
}
