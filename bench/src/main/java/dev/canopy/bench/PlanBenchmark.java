package dev.canopy.bench;

import dev.canopy.model.plan.Plan;
import dev.canopy.model.routing.Routing;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to plan a generated snapshot with one strategy: the planner's main cost at 10^4 and
 * 10^5 peers ({@link Networks#planning}: one channel, k = 8, four-tier uplinks, no policies).
 *
 * <p>{@link #plan} measures the strategy alone on a problem whose snapshot, index and routing
 * are built once per trial; the routing caches routes as they are asked for, so from the second
 * call on the strategy sees a warm routing. {@link #planWithFreshRouting} also builds a new
 * {@link Routing} per call, as one {@code canopy plan} run does (its Dijkstra cost is measured
 * alone in {@link RoutingBenchmark}).
 *
 * <p>{@code -p strategy=NAME} chooses any registered strategy; an unknown name, or a strategy
 * whose {@code maxReceivers} is below the snapshot's receivers, fails the trial's setup with a
 * message. The plan is checked once by the verifier in setup, so an invalid plan is never timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class PlanBenchmark {
    /** Peers in the generated snapshot (besides one origin and five CDN nodes). */
    @Param({"10000", "100000"})
    public int peers;

    /** The registered name of the strategy to time. */
    @Param({"greedy"})
    public String strategy;

    private PlanningProblem problem;
    private Strategy chosen;

    @Setup(Level.Trial)
    public void setUp() {
        problem = Networks.problem(Networks.planning(peers));
        chosen = Networks.strategy(strategy, problem);
        Networks.requireValid(problem.routing(), chosen.plan(problem), "the " + strategy + " plan");
    }

    /** Plans the prepared problem (index and routing shared across calls). */
    @Benchmark
    public Plan plan() {
        return chosen.plan(problem);
    }

    /** Builds a new routing for the prepared index, then plans: routing caches start cold. */
    @Benchmark
    public Plan planWithFreshRouting() {
        PlanningProblem fresh = new PlanningProblem(
                problem.snapshot(),
                problem.index(),
                Routing.of(problem.index()),
                problem.policies(),
                problem.options());
        return chosen.plan(fresh);
    }
}
