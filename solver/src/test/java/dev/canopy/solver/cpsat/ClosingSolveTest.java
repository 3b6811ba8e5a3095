package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The closing solve: its solution is a solution of the class model, every holding class
 * reached, at the cost it states; given that optimum as the start, it proves the start optimal;
 * a rounded solution is taken only when it meets every row; it is skipped on models above its
 * size unless the substream search before it stalled; on four-tier 500 peers, seed 21, it closes
 * the gap the rounds leave, and on four-tier 1,000 peers, seed 22, after a stalled search, it
 * proves the search's start optimal, each with a plan that is realised exactly and passes the
 * verifier (slow).
 */
class ClosingSolveTest {
    @Test
    void withoutAStartItSolvesTheClassModelAndThenProvesThatSolutionOptimal() {
        PhaseTwoFixture fixture = PhaseTwoFixture.of(100);
        ClassModel model = fixture.model();
        ConnectivityRounds.Result rounds = fixture.rounds(PhaseTwoFixture.BUDGET);
        ConnectivityRounds.Result withoutStart = new ConnectivityRounds.Result(
                rounds.bound(), rounds.rounds(), rounds.entries(), rounds.cuts(), Optional.empty());

        ClosingSolve.Result closing = closing(fixture, withoutStart);

        assertThat(closing.status()).isEqualTo(ClosingSolve.Status.OPTIMAL);
        long optimum = closing.bound().orElseThrow();
        ConnectivityRepair.Repaired found = closing.start().orElseThrow();
        assertThat(found.cost()).isEqualTo(optimum);
        assertThat(optimum)
                .isGreaterThanOrEqualTo(rounds.bound().orElseThrow())
                .isLessThanOrEqualTo(fixture.greedyCost());
        rounds.start().ifPresent(start -> assertThat(optimum).isLessThanOrEqualTo(start.cost()));
        long[] solution =
                model.solve.complete(found.hint(), 1, PhaseTwoFixture.BUDGET).orElseThrow();
        assertThat(fixture.costOf(solution)).isEqualTo(optimum);
        assertThat(UnreachedSets.separate(model, solution, false)).isEmpty();

        ConnectivityRounds.Result startingThere = new ConnectivityRounds.Result(
                rounds.bound(), rounds.rounds(), rounds.entries(), rounds.cuts(), Optional.of(found));
        ClosingSolve.Result again = closing(fixture, startingThere);

        assertThat(again.status()).isEqualTo(ClosingSolve.Status.START_OPTIMAL);
        assertThat(again.bound()).hasValue(optimum);
        assertThat(again.start()).isEmpty();
    }

    /** A solution is taken only when it meets every row in integers: greedy's does, one edge more does not. */
    @Test
    void aSolutionMeetsTheRowsOnlyWhenItKeepsEveryOne() {
        PhaseTwoFixture fixture = PhaseTwoFixture.of(100);
        ClassModel model = fixture.model();
        LinearModel whole = LinearModel.of(
                        "SCIP", model.solve.model().model(), new LpBound.Omitted(0, 0), fixture.cost(), true)
                .orElseThrow();
        try {
            long[] values = new long[whole.vars.length];
            for (int i = 0; i < model.variables(); i++) {
                values[model.solve.var(i).getIndex()] = fixture.greedy()[i];
            }
            assertThat(whole.meets(values, whole.rows.size())).isTrue();

            int arc = model.x[0][0][0];
            values[model.solve.var(arc).getIndex()]++;
            assertThat(whole.meets(values, whole.rows.size())).isFalse();
        } finally {
            whole.delete();
        }
    }

    @Test
    void itIsSkippedOnAModelAboveItsSizeUnlessTheSearchStalled() {
        PhaseTwoFixture fixture = PhaseTwoFixture.of(1000);
        assertThat(fixture.model().variables()).isGreaterThan(ClosingSolve.MOST_VARIABLES);
        ConnectivityRounds.Result rounds =
                new ConnectivityRounds.Result(OptionalLong.empty(), 1, List.of(), 0, Optional.empty());

        ClosingSolve.Result closing = closing(fixture, rounds);

        assertThat(closing.status()).isEqualTo(ClosingSolve.Status.SKIPPED);
        assertThat(closing.bound()).isEmpty();
        assertThat(closing.start()).isEmpty();
        // After a search that stalled it is not skipped: with no time left it is not run.
        assertThat(closing(fixture, rounds, true, new Budget(10, Optional.of(System.nanoTime()))))
                .isEqualTo(ClosingSolve.Result.NONE);
    }

    /**
     * Four-tier 1,000 peers, seed 22 (24,219 variables): the search stalls at 291,600, against the
     * rounds' bound of 291,000, and the closing solve proves that start optimal.
     */
    @Test
    @Tag("slow")
    void afterAStalledSearchItProvesTheStartOptimalOnFourTier1000PeersSeed22() {
        PhaseTwoFixture fixture = PhaseTwoFixture.of(1000, 22);
        ClassModel model = fixture.model();
        ConnectivityRounds.Result rounds = fixture.rounds(PhaseTwoFixture.BUDGET);
        assertThat(rounds.bound()).hasValue(291_000);
        SubstreamSearch.Result search = fixture.search(rounds, new Budget(100, Optional.empty()));
        assertThat(search.stalled()).isTrue();
        ConnectivityRepair.Repaired start = search.start().orElseThrow();
        assertThat(start.cost()).isEqualTo(291_600);

        ClosingSolve.Result closing = closing(fixture, rounds.withStart(search.start()), true, PhaseTwoFixture.BUDGET);

        assertThat(closing.status()).isEqualTo(ClosingSolve.Status.START_OPTIMAL);
        assertThat(closing.bound()).hasValue(291_600);
        long[] solution =
                model.solve.complete(start.hint(), 1, PhaseTwoFixture.BUDGET).orElseThrow();
        assertThat(fixture.realise(solution)).isEqualTo(new PhaseTwoFixture.Realised(true, 291_600));
    }

    /** The rounds stop at 210,000 with a repair of 210,300; the closing solve finds 210,000. */
    @Test
    @Tag("slow")
    void itClosesTheRoundsGapOnFourTier500PeersSeed21() {
        PhaseTwoFixture fixture = PhaseTwoFixture.of(500, 21);
        ClassModel model = fixture.model();
        ConnectivityRounds.Result rounds = fixture.rounds(new Budget(100, Optional.empty()));
        assertThat(rounds.bound()).hasValue(210_000);
        assertThat(rounds.start().orElseThrow().cost()).isEqualTo(210_300);

        ClosingSolve.Result closing = closing(fixture, rounds);

        assertThat(closing.status()).isEqualTo(ClosingSolve.Status.OPTIMAL);
        assertThat(closing.bound()).hasValue(210_000);
        long[] solution = model.solve
                .complete(closing.start().orElseThrow().hint(), 1, PhaseTwoFixture.BUDGET)
                .orElseThrow();
        assertThat(fixture.costOf(solution)).isEqualTo(210_000);
        assertThat(UnreachedSets.separate(model, solution, false)).isEmpty();
        assertThat(fixture.realise(solution)).isEqualTo(new PhaseTwoFixture.Realised(true, 210_000));
    }

    private static ClosingSolve.Result closing(PhaseTwoFixture fixture, ConnectivityRounds.Result rounds) {
        return closing(fixture, rounds, false, PhaseTwoFixture.BUDGET);
    }

    private static ClosingSolve.Result closing(
            PhaseTwoFixture fixture, ConnectivityRounds.Result rounds, boolean stalled, Budget budget) {
        ClassModel model = fixture.model();
        ClosingSolve.Result closing =
                ClosingSolve.run(model, model.solve.model(), fixture.cost(), rounds, stalled, budget);
        System.out.printf(
                "closing solve: rounds %d, bound %s, start %s; closing %s, bound %s, start %s; greedy %d%n",
                rounds.rounds(),
                rounds.bound(),
                rounds.start().map(ConnectivityRepair.Repaired::cost),
                closing.status(),
                closing.bound(),
                closing.start().map(ConnectivityRepair.Repaired::cost),
                fixture.greedyCost());
        return closing;
    }
}
