package dev.canopy.solver.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.plan.Plan;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;
import dev.canopy.solver.greedy.GreedyStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchRunnerTest {
    /** Greedy under another name and receiver limit. */
    record Renamed(String name, int maxReceivers) implements Strategy {
        @Override
        public String description() {
            return "greedy, renamed";
        }

        @Override
        public Plan plan(PlanningProblem problem) {
            return new GreedyStrategy().plan(problem);
        }
    }

    /** A generated instance whose deployed overlay is greedy's plan. */
    record Deployed(GeneratedInstance generated) implements BenchInstance {
        public String name() {
            return generated.name();
        }

        public String family() {
            return "deployed-test";
        }

        public int peers() {
            return generated.peers();
        }

        public int substreams() {
            return generated.substreams();
        }

        public int parity() {
            return generated.parity();
        }

        public long seed() {
            return generated.seed();
        }

        public Snapshot build() {
            return generated.build();
        }

        @Override
        public Optional<Plan> referencePlan(PlanningProblem built) {
            return Optional.of(new GreedyStrategy().plan(built));
        }
    }

    static final class Recorder implements BenchListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void finished(RunResult result) {
            events.add("finished " + result.key().strategy());
        }

        @Override
        public void skipped(String instance, String strategy, String reason) {
            events.add("skipped " + strategy);
        }

        @Override
        public void instanceDone(List<RunResult> resultsSoFar) {
            events.add("done " + resultsSoFar.size());
        }
    }

    @Test
    void measuresEveryRunVerifiesItAndSkipsWhatIsOutOfBounds() {
        List<BenchInstance> instances = List.of(
                new Deployed(GeneratedInstance.of(CapacityMix.FOUR_TIER, 150, 4, 0, 1)),
                new Deployed(GeneratedInstance.of(CapacityMix.FOUR_TIER, 150, 4, 0, 2)));
        List<Entrant> entrants = List.of(
                new Entrant(new GreedyStrategy(), SuiteStrategy.of("greedy")),
                new Entrant(
                        new Renamed("random", Integer.MAX_VALUE),
                        SuiteStrategy.limited("random", Duration.ofSeconds(5), 1)),
                new Entrant(new Renamed("tiny", 10), SuiteStrategy.of("tiny")));
        Recorder recorder = new Recorder();

        BenchOutcome outcome = new BenchRunner(LocalityBoundSource.NONE, recorder)
                .run(instances, entrants, GeneratedInstance.of(CapacityMix.FOUR_TIER, 50, 4, 0, 1), true);

        assertThat(outcome.results())
                .extracting(r -> r.key().seed() + " " + r.key().strategy())
                .containsExactly("1 deployed", "1 greedy", "1 random", "2 deployed", "2 greedy");
        assertThat(recorder.events)
                .containsExactly(
                        "finished deployed",
                        "finished greedy",
                        "finished random",
                        "skipped tiny",
                        "done 3",
                        "finished deployed",
                        "finished greedy",
                        "skipped random",
                        "skipped tiny",
                        "done 5");
        assertThat(outcome.notes()).anyMatch(n -> n.startsWith("tiny skipped on four-tier-n150-k4-p0-s1"));
        assertThat(outcome.withViolations()).isEmpty();
        assertThat(outcome.failed()).isEmpty();

        RunResult greedy = outcome.results().get(1);
        assertThat(greedy.rate().efficiency()).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(greedy.rate().probes()).isPositive();
        assertThat(greedy.traffic().served()).isEqualTo(1.0);
        assertThat(greedy.traffic().crossIspVsRandom()).isEqualTo(1.0); // random is greedy renamed
        assertThat(greedy.cost().planMs()).isNotNaN();
        assertThat(greedy.survival().p0q1()).isBetween(0.0, 1.0);
        assertThat(greedy.survival().p2q10()).isBetween(0.0, 1.0);
        assertThat(greedy.shape().maxDepth()).isPositive();

        RunResult deployed = outcome.results().get(0);
        assertThat(deployed.traffic().crossIsp()).isEqualTo(greedy.traffic().crossIsp());
        assertThat(deployed.traffic().localityCost()).isEqualTo(greedy.traffic().localityCost());
        assertThat(deployed.rate().limitKbps()).isEqualTo(greedy.rate().limitKbps());
        assertThat(deployed.rate().efficiency()).isNaN();
        assertThat(deployed.cost().planMs()).isNaN();
        assertThat(deployed.survival().p0q1()).isNaN();
    }

    @Test
    void aStrategyThatThrowsIsRecordedAsFailedAndTheLocalityBoundIsReported() {
        Strategy broken = new Throwing();
        BenchInstance instance = GeneratedInstance.of(CapacityMix.HOMOGENEOUS, 60, 2, 0, 1, Set.of());
        BenchOutcome outcome = new BenchRunner(problem -> OptionalLong.of(1), BenchListener.NONE)
                .run(
                        List.of(instance),
                        List.of(
                                new Entrant(broken, SuiteStrategy.of("throwing")),
                                new Entrant(new GreedyStrategy(), SuiteStrategy.of("greedy"))),
                        instance,
                        false);

        assertThat(outcome.failed()).singleElement().satisfies(r -> assertThat(r.note())
                .startsWith("plan failed: java.lang.IllegalStateException: no plan today"));
        RunResult greedy = outcome.results().get(1);
        assertThat(greedy.traffic().localityBound()).isEqualTo(1);
        assertThat(greedy.traffic().localityOverBound())
                .isEqualTo(greedy.traffic().localityCost());
        assertThat(greedy.rate().probes()).isZero(); // the instance asks for no bisection
        assertThat(greedy.survival().p0q1()).isNaN();
        assertThat(outcome.notes()).anyMatch(n -> n.contains("warm-up: throwing failed"));
    }

    @Test
    void ratiosOverRandom() {
        assertThat(BenchRunner.ratio(0.1, 0.4)).isEqualTo(0.25);
        assertThat(BenchRunner.ratio(0, 0)).isEqualTo(1);
        assertThat(BenchRunner.ratio(0.1, 0)).isInfinite();
        assertThat(BenchRunner.ratio(Double.NaN, 0.4)).isNaN();
    }

    /** Always throws. */
    static final class Throwing implements Strategy {
        @Override
        public String name() {
            return "throwing";
        }

        @Override
        public String description() {
            return "fails";
        }

        @Override
        public Plan plan(PlanningProblem problem) {
            throw new IllegalStateException("no plan today");
        }
    }
}
