package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The substream search: from greedy's plan, it finds a cheaper solution of the class model, every
 * holding class reached, at the cost it states and not below the rounds' bound, in which the
 * substreams outside the searched single and pair keep their edges; it does nothing from a start at the
 * bound; on four-tier and homogeneous 2,000 peers, k = 4, seed 24, it takes the rounds'
 * start to their bound, with a plan realised exactly that passes the verifier (slow); and where the
 * pairs stall, the countries' neighbourhoods go on (slow).
 */
class SubstreamSearchTest {
    @Test
    void fromGreedyItFindsACheaperSolutionThatKeepsTheOtherSubstreams() {
        PhaseTwoFixture fixture = PhaseTwoFixture.of(
                GeneratorOptions.defaults(100).withSubstreams(8).withSeed(1));
        ClassModel model = fixture.model();
        ConnectivityRounds.Result rounds = fixture.rounds(PhaseTwoFixture.BUDGET);
        ConnectivityRepair.Repaired greedy = fixture.greedyStart();
        long bound = rounds.bound().orElseThrow();
        assertThat(greedy.cost()).isGreaterThan(bound);

        // A budget of one single and one pair: substream 0, then substreams 0 and 1 of the
        // solution found (ordered by cost, as the model orders them): three of the 8 at most change.
        SubstreamSearch.Result search = fixture.search(
                rounds.withStart(Optional.of(greedy)), new Budget(1 / SubstreamSearch.PER_SECOND, Optional.empty()));

        assertThat(search.singles()).isEqualTo(1);
        assertThat(search.singlesImproving() + search.improved()).isPositive();
        assertThat(search.tried()).isLessThanOrEqualTo(1);
        assertThat(search.stalled()).isFalse();
        ConnectivityRepair.Repaired found = search.start().orElseThrow();
        assertThat(found.cost()).isLessThan(greedy.cost()).isGreaterThanOrEqualTo(bound);
        long[] solution =
                model.solve.complete(found.hint(), 1, PhaseTwoFixture.BUDGET).orElseThrow();
        assertThat(fixture.costOf(solution)).isEqualTo(found.cost());
        assertThat(UnreachedSets.separate(model, solution, false)).isEmpty();
        long[][] before = PlanHint.units(model, fixture.greedy())[0];
        long[][] after = PlanHint.units(model, solution)[0];
        List<long[]> left = new ArrayList<>(Arrays.asList(after));
        int kept = 0;
        for (long[] fixed : before) {
            int at = left.stream()
                    .map(units -> Arrays.equals(units, fixed))
                    .toList()
                    .indexOf(true);
            if (at >= 0) {
                left.remove(at);
                kept++;
            }
        }
        assertThat(kept).isGreaterThanOrEqualTo(before.length - 3);
    }

    @Test
    void fromAStartAtTheBoundItDoesNothing() {
        PhaseTwoFixture fixture = PhaseTwoFixture.of(100);
        ConnectivityRepair.Repaired greedy = fixture.greedyStart();

        SubstreamSearch.Result search = fixture.search(
                new ConnectivityRounds.Result(
                        OptionalLong.of(fixture.greedyCost()), 1, List.of(), 0, Optional.of(greedy)),
                PhaseTwoFixture.BUDGET);

        assertThat(search).isEqualTo(SubstreamSearch.Result.NONE);
    }

    /** The rounds stop at 414,600 with a repair of 415,500; the search reaches 414,600. */
    @Test
    @Tag("slow")
    void itTakesTheRoundsStartToTheirBoundOnFourTier2000PeersSeed24() {
        PhaseTwoFixture fixture = PhaseTwoFixture.of(2000, 24);
        ClassModel model = fixture.model();
        ConnectivityRounds.Result rounds = fixture.rounds(PhaseTwoFixture.BUDGET);
        assertThat(rounds.bound()).hasValue(414_600);
        assertThat(rounds.start().orElseThrow().cost()).isEqualTo(415_500);

        SubstreamSearch.Result search = fixture.search(rounds, PhaseTwoFixture.BUDGET);

        ConnectivityRepair.Repaired found = search.start().orElseThrow();
        assertThat(found.cost()).isEqualTo(414_600);
        assertThat(search.stalled()).isFalse();
        long[] solution =
                model.solve.complete(found.hint(), 1, PhaseTwoFixture.BUDGET).orElseThrow();
        assertThat(fixture.costOf(solution)).isEqualTo(414_600);
        assertThat(UnreachedSets.separate(model, solution, false)).isEmpty();
        assertThat(fixture.realise(solution)).isEqualTo(new PhaseTwoFixture.Realised(true, 414_600));
    }

    /**
     * Four-tier 300 peers, k = 4, seed 1, from greedy's plan: the pairs stall above the rounds'
     * bound, and the countries' neighbourhoods (every substream's arcs with an end in one
     * country) then find cheaper solutions; the one found is realised exactly.
     */
    @Test
    @Tag("slow")
    void afterThePairsStallCountriesFindCheaperSolutions() {
        PhaseTwoFixture fixture = PhaseTwoFixture.of(
                GeneratorOptions.defaults(300).withSubstreams(4).withSeed(1));
        ClassModel model = fixture.model();
        ConnectivityRounds.Result rounds = fixture.rounds(PhaseTwoFixture.BUDGET);
        long bound = rounds.bound().orElseThrow();

        SubstreamSearch.Result search =
                fixture.search(rounds.withStart(Optional.of(fixture.greedyStart())), PhaseTwoFixture.BUDGET);

        assertThat(search.countries()).isPositive();
        assertThat(search.countriesImproving()).isPositive();
        ConnectivityRepair.Repaired found = search.start().orElseThrow();
        assertThat(found.cost()).isGreaterThanOrEqualTo(bound);
        long[] solution =
                model.solve.complete(found.hint(), 1, PhaseTwoFixture.BUDGET).orElseThrow();
        assertThat(fixture.costOf(solution)).isEqualTo(found.cost());
        assertThat(UnreachedSets.separate(model, solution, false)).isEmpty();
        assertThat(fixture.realise(solution)).isEqualTo(new PhaseTwoFixture.Realised(true, found.cost()));
    }

    /**
     * Homogeneous 2,000 peers, k = 4, seed 24: the rounds stop at 582,000; single substreams take
     * their start there, where pairs (minutes each) had reached 583,200 within the search's time.
     */
    @Test
    @Tag("slow")
    void singleSubstreamsTakeHomogeneous2000PeersToTheRoundsBound() {
        PhaseTwoFixture fixture = PhaseTwoFixture.of(
                GeneratorOptions.defaults(2000).withMix(CapacityMix.HOMOGENEOUS).withSeed(24));
        ClassModel model = fixture.model();
        ConnectivityRounds.Result rounds = fixture.rounds(PhaseTwoFixture.BUDGET);
        assertThat(rounds.bound()).hasValue(582_000);

        SubstreamSearch.Result search = fixture.search(rounds, PhaseTwoFixture.BUDGET);

        assertThat(search.start().orElseThrow().cost()).isEqualTo(582_000);
        assertThat(search.singlesImproving()).isPositive();
        assertThat(search.tried()).isZero();
        long[] solution = model.solve
                .complete(search.start().get().hint(), 1, PhaseTwoFixture.BUDGET)
                .orElseThrow();
        assertThat(UnreachedSets.separate(model, solution, false)).isEmpty();
        assertThat(fixture.realise(solution)).isEqualTo(new PhaseTwoFixture.Realised(true, 582_000));
    }
}
