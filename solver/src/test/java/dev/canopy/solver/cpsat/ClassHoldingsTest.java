package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Classes shaped like the two of the class image of exact's start plan at critical 500 peers (k
 * = 4, seed 24) that the {@link Realizer}'s greedy ways could not place (their slots, holders and
 * children; the downlink rooms are made up): CP-SAT finds holdings and budgets that meet every
 * condition, and says there are none where the slots cannot send what is asked.
 */
class ClassHoldingsTest {
    private static final long UNLIMITED = Long.MAX_VALUE;

    /** One served node of 4 substreams; children 7, 4, 9, 4 from 8 holdings over 7 nodes of 26 slots. */
    private static ClassHoldings.Problem servingClass(long[] sent) {
        return new ClassHoldings.Problem(
                new long[] {10, 5, 5, 2, 2, 1, 1},
                new long[] {UNLIMITED, UNLIMITED, 4, UNLIMITED, UNLIMITED, 4, 1},
                new int[] {0, 0, 0, 0},
                new long[] {3, 1, 2, 2},
                sent,
                new long[] {1},
                new int[] {4});
    }

    @Test
    void placesTheSubstreamSentMostOnANodeWithManySlots() {
        ClassHoldings.Problem problem = servingClass(new long[] {7, 4, 9, 4});

        ClassHoldings.Answer answer = ClassHoldings.solve(problem, 1);

        assertThat(answer.assignment()).isPresent();
        assertMeetsEveryCondition(problem, answer.assignment().get());
    }

    @Test
    void placesRelaysOfAClassThatServesNone() {
        ClassHoldings.Problem problem = new ClassHoldings.Problem(
                new long[] {10, 10, 2, 2, 2, 2, 1},
                new long[] {UNLIMITED, UNLIMITED, 4, UNLIMITED, 4, 3, UNLIMITED},
                new int[] {0, 0, 0, 0},
                new long[] {2, 2, 1, 1},
                new long[] {12, 12, 2, 2},
                new long[] {0},
                new int[] {4});

        ClassHoldings.Answer answer = ClassHoldings.solve(problem, 1);

        assertThat(answer.assignment()).isPresent();
        assertMeetsEveryCondition(problem, answer.assignment().get());
    }

    @Test
    void findsNoneWhenTheHoldersCannotSendWhatIsAsked() {
        // The served node and the four others with most slots send 24 at most.
        ClassHoldings.Answer answer = ClassHoldings.solve(servingClass(new long[] {7, 4, 12, 4}), 1);

        assertThat(answer.assignment()).isEmpty();
        assertThat(answer.seconds()).isPositive();
    }

    @Test
    void findsNoneWhenNoNodeHasRoomToBeServed() {
        ClassHoldings.Problem problem = new ClassHoldings.Problem(
                new long[] {2, 1},
                new long[] {3, 3},
                new int[] {0, 0, 0, 0},
                new long[] {1, 1, 1, 1},
                new long[] {1, 1, 0, 0},
                new long[] {1},
                new int[] {4});

        assertThat(ClassHoldings.solve(problem, 1).assignment()).isEmpty();
    }

    private static void assertMeetsEveryCondition(ClassHoldings.Problem p, ClassHoldings.Assignment a) {
        int members = p.slots().length;
        long[] sending = new long[members];
        long[] held = new long[members];
        for (int j = 0; j < p.holders().length; j++) {
            long holders = 0;
            long children = 0;
            for (int t = 0; t < members; t++) {
                holders += a.holds()[j][t] ? 1 : 0;
                children += a.budget()[j][t];
                assertThat(a.budget()[j][t]).isNotNegative();
                if (!a.holds()[j][t]) {
                    assertThat(a.budget()[j][t]).as("only holders send").isZero();
                }
                sending[t] += a.budget()[j][t];
                held[t] += a.holds()[j][t] ? 1 : 0;
            }
            assertThat(holders).as("holders of substream " + j).isEqualTo(p.holders()[j]);
            assertThat(children).as("children of substream " + j).isEqualTo(p.sent()[j]);
        }
        long served = 0;
        for (int t = 0; t < members; t++) {
            assertThat(sending[t]).as("slots of member " + t).isLessThanOrEqualTo(p.slots()[t]);
            assertThat(held[t]).as("room of member " + t).isLessThanOrEqualTo(p.room()[t]);
            served += held[t] >= p.k()[0] ? 1 : 0;
        }
        assertThat(served).isGreaterThanOrEqualTo(p.served()[0]);
    }
}
