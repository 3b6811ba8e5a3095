package dev.canopy.bench;

import dev.canopy.model.plan.Plan;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanningProblem;
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
 * Time to verify a plan with {@link PlanVerifier#verify(Routing, Plan)}: every plan a strategy
 * makes, in tests and in {@code canopy plan}, goes through it, so it must stay well below the
 * planning time. The plan is made in setup by a strategy ({@code greedy} unless
 * {@code -p strategy=NAME}) on {@link Networks#planning} and must be valid, so that the
 * verifier's normal path is timed, not its error reporting. The routing is shared and warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class VerifyBenchmark {
    /** Peers in the generated snapshot. */
    @Param({"100000"})
    public int peers;

    /** The registered name of the strategy that makes the plan. */
    @Param({"greedy"})
    public String strategy;

    private Routing routing;
    private Plan plan;

    @Setup(Level.Trial)
    public void setUp() {
        PlanningProblem problem = Networks.problem(Networks.planning(peers));
        routing = problem.routing();
        plan = Networks.strategy(strategy, problem).plan(problem);
        Networks.requireValid(routing, plan, "the " + strategy + " plan");
    }

    /** Verifies the prepared plan. */
    @Benchmark
    public Verification verify() {
        return PlanVerifier.verify(routing, plan);
    }
}
