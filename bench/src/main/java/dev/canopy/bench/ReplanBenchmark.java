package dev.canopy.bench;

import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.event.Event;
import dev.canopy.model.event.Events;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.replan.ReplanOptions;
import dev.canopy.solver.replan.ReplanOutcome;
import dev.canopy.solver.replan.ReplanSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Latency of incremental re-planning ({@link ReplanSession#applyAll}, the batch's diff included)
 * on a live plan of {@link Networks#planning} (10^5 peers, k = 8, four-tier uplinks), started
 * once per trial from a multi-tree plan. Sample-time mode, so JMH reports percentiles (p50, p99)
 * per call, which is what the re-planning targets are stated in.
 *
 * <ul>
 *   <li>{@link #join}: one peer joins (a copy of a random peer under a new id);
 *   <li>{@link #leave}, {@link #fail}: one random peer leaves or fails;
 *   <li>{@link #burst}: {@code burstShare} of the peers (1 %) fail in one batch.
 * </ul>
 *
 * <p>The network is kept steady between calls by untimed undo batches in an invocation-level
 * teardown: a joined peer leaves again, a peer that left or failed joins again with its
 * original record. All events carry the session's own instant, so no periodic full re-plan
 * runs; the benchmark fails if a call triggers one (it would time a different thing). At the
 * end of the trial the session's plan must pass the verifier on the session's snapshot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ReplanBenchmark {
    /** Peers in the generated snapshot. */
    @Param({"100000"})
    public int peers;

    /** Share of the peers that fail at once in {@link #burst}. */
    @Param({"0.01"})
    public double burstShare;

    private static final int JOIN_IDS = 1024;

    private ReplanSession session;
    private Node[] peerNodes;
    private Instant at;
    private final SplittableRandom random = new SplittableRandom(1);
    private long joins;
    private List<Event> pending = List.of();
    private List<Event> undo = List.of();

    @Setup(Level.Trial)
    public void setUp() {
        Snapshot snapshot = Networks.planning(peers);
        PlanningProblem problem = Networks.problem(snapshot);
        session = ReplanSession.start(problem, ReplanOptions.defaults().withFullEvery(Duration.ZERO));
        peerNodes = snapshot.nodes().stream().filter(n -> n.role() == Role.PEER).toArray(Node[]::new);
        at = session.now();
    }

    @TearDown(Level.Trial)
    public void checkPlan() {
        PlanningProblem now = Networks.problem(session.snapshot());
        Networks.requireValid(now.routing(), session.plan(), "the re-planned plan");
    }

    /** Prepares the next call's events (untimed); each method reads only its own kind. */
    @Setup(Level.Invocation)
    public void nextEvents(BenchmarkParams params) {
        String method = params.getBenchmark();
        if (method.endsWith(".join")) {
            Node model = peerNodes[random.nextInt(peerNodes.length)];
            Node joining = copy(model, "bench-join-" + (joins++ % JOIN_IDS));
            pending = List.of(new Events.Join(at, joining));
            undo = List.of(new Events.Leave(at, joining.id()));
        } else {
            int count = method.endsWith(".burst") ? (int) Math.round(burstShare * peerNodes.length) : 1;
            List<Event> events = new ArrayList<>(count);
            List<Event> back = new ArrayList<>(count);
            Set<Integer> chosen = new HashSet<>();
            while (chosen.size() < count) {
                int i = random.nextInt(peerNodes.length);
                if (chosen.add(i)) {
                    String id = peerNodes[i].id();
                    events.add(method.endsWith(".leave") ? new Events.Leave(at, id) : new Events.Fail(at, id));
                    back.add(new Events.Join(at, peerNodes[i]));
                }
            }
            pending = events;
            undo = back;
        }
    }

    /** Undoes the call's events (untimed), so every call sees the same size of network. */
    @TearDown(Level.Invocation)
    public void undo() {
        session.applyAll(undo);
    }

    /** One peer joins. */
    @Benchmark
    public ReplanOutcome join() {
        return timedApply();
    }

    /** One peer leaves gracefully. */
    @Benchmark
    public ReplanOutcome leave() {
        return timedApply();
    }

    /** One peer fails. */
    @Benchmark
    public ReplanOutcome fail() {
        return timedApply();
    }

    /** {@code burstShare} of the peers fail in one batch. */
    @Benchmark
    public ReplanOutcome burst() {
        return timedApply();
    }

    private ReplanOutcome timedApply() {
        ReplanOutcome outcome = session.applyAll(pending);
        if (outcome.recomputed() != ReplanOutcome.Recompute.NONE) {
            throw new IllegalStateException("a full re-plan ran (unserved pairs grew): not a local repair");
        }
        return outcome;
    }

    private static Node copy(Node m, String id) {
        return new Node(
                id,
                m.role(),
                m.region(),
                m.uplinkKbps(),
                m.downlinkKbps(),
                m.type(),
                m.limits(),
                m.accessList(),
                m.nat(),
                m.tier(),
                m.groups(),
                m.enterprise(),
                m.country(),
                m.geo(),
                m.device(),
                m.owner(),
                m.uptime(),
                m.lossRate(),
                m.wants(),
                m.ip());
    }
}
