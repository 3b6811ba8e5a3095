package dev.canopy.solver.cpsat;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A neighbourhood search from the {@link ConnectivityRounds}' best start (or phase one's solution,
 * where their repair found none: critical family) towards their bound:
 * one or two substreams of a channel are planned again by SCIP on the whole class model (the {@link
 * SourceFlow}'s rows too, with every cut the rounds found), every other substream's edges fixed
 * at the start's, below the start's cost. Why: at 1,000 and 2,000 peers the rounds' repairs stop
 * a few edges above their bound and SCIP on the whole model finds nothing within minutes, while
 * with the other substreams fixed it solves a pair of four-tier 2,000 peers in under a minute
 * (homogeneous 2,000, k = 4: minutes): k = 4, seed 24, from 415,500 to 414,900 with substreams
 * 0 and 1 free and to 414,600, the bound, with 0 and 2, in 111 s; four-tier 1,000 peers, seed
 * 22, from 293,100 to 292,200 (bound 291,000). All eight 500-to-2,000-peer instances of
 * ExactVersusGreedyTest that serve everyone are proved optimal with it and the closing solve
 * after it (docs/benchmarks.md).
 * Single substreams come first: each frees half a pair's variables and SCIP proves it in seconds
 * where a pair takes minutes (homogeneous 2,000 peers, k = 4, seed 24: from the rounds' 583,800,
 * five singles of 11 to 69 s reach 582,000, the rounds' bound, where two pairs had reached 583,200
 * in the 600 s safety net). Then two substreams, so that what one gives up in the senders'
 * uplinks the other may take. Three are not worth it: at four-tier 1,000 peers, seed 22, every pair
 * and then every triple (21 to 132 s each) proved nothing cheaper than 291,600, and SCIP on the
 * whole model, capped below it, proved it optimal ({@link ClosingSolve}, after a search that
 * {@linkplain Result#stalled stalled}).
 *
 * <p>Where a whole turn of the pairs finds nothing cheaper, each country of each channel (the one
 * of most classes first) is planned again: every substream's arcs with an end in the country
 * (its classes' and its hubs'), every other arc fixed; where that finds a cheaper solution, the
 * pairs go on from it, and so on until a turn of the countries finds nothing. Why: where the
 * pairs stall, what one country gains needs every substream to change there at once. Critical
 * 300 peers, k = 4, seed 24: the pairs stalled at 328,200; a turn of the countries (20, four
 * improving) and the pairs after it (one of 8 improving) reached 324,000, realised, where a
 * second turn of the countries found nothing. A country's solution is taken only when the
 * {@link Realizer} realises it: at critical 500 peers the countries, unchecked, took the search
 * from 438,900 to 416,100 (16 of 20 improving), which the realizer could not place.
 *
 * <p>A neighbourhood's solution that breaks {@link SubstreamSetCuts} is not taken: the cuts it
 * breaks join the search's model and the neighbourhood is solved again, up to {@value #REPEATS}
 * times. Critical 300 peers, k = 4, seed 24: from phase one's solution the search reached
 * 326,400 without them, which the realizer could not place, and 328,200 with them, realised
 * (exact's plan had been 332,700).
 *
 * <p>The rows that order a channel's substreams by cost are left out (the substreams are
 * interchangeable, and {@link PlanHint#of(ClassModel, long[])} orders a solution again), so a
 * pair's cost is not held between its neighbours'. A solution is taken only when, rounded, it
 * meets every row of the model in integers ({@link ClosingSolve#taken}). The singles are tried
 * in the order 0, 1, ..., the pairs in the order (0, 1), (0, 2), ..., (1, 2), ... of each
 * channel (the dearest substream first), each kind over and over, until the start reaches the
 * bound (then it is optimal), a whole turn finds nothing, {@value #PER_SECOND} per deterministic
 * second of the budget, when one frees at most {@value #PAIR_VARIABLES} variables (fewer when it
 * frees more, at least one: the work grows with what it frees, about the model's variables
 * times 1 or 2 / its substreams) have been tried, or the deadline passes (without one, after
 * {@value #SECONDS} s for both kinds). Each may take
 * {@link ClosingSolve#NODES_PER_SECOND} branch-and-bound nodes per deterministic second: SCIP has
 * no deterministic time, so this repeats unless a time limit stops it first. It gives no bound
 * (a neighbourhood's optimum is not the model's).
 */
final class SubstreamSearch {
    /**
     * Pairs tried per deterministic second of the budget, when a pair frees at most {@value
     * #PAIR_VARIABLES} variables. Two, not one, so that where the pairs stop improving the search
     * stalls (a whole turn finds nothing) and the {@link ClosingSolve} tries to prove its start
     * optimal: at four-tier 1,000 peers, seed 22, a turn is 6 pairs and the search stalled after
     * 10 (8 were allowed before).
     */
    static final double PER_SECOND = 2;

    /**
     * The variables a pair may free for {@link #PER_SECOND} to hold; pairs that free more get
     * fewer tries (four-tier 1,000 peers, k = 4: 12,100 freed, 16 pairs in 10 deterministic
     * seconds; 2,000 peers, k = 4 or 8: about 15,500, 12 pairs).
     */
    static final int PAIR_VARIABLES = 10_000;

    /**
     * Times a neighbourhood is solved again with the {@link SubstreamSetCuts} its solution broke;
     * a solution that still breaks one then is not taken.
     */
    static final int REPEATS = 20;

    /** Without a deadline, the wall-clock seconds the search may take: a safety net above the pair count. */
    static final int SECONDS = 600;

    /**
     * What the search found.
     *
     * @param start a solution cheaper than the one it was given, if found
     * @param tried pairs tried
     * @param improved pairs that gave a cheaper solution
     * @param stalled whether it stopped because a whole turn of the pairs found nothing cheaper
     *     than its best (the countries after them found nothing either, or had no time left): its
     *     best start is then a local optimum of the pairs, which the {@link ClosingSolve} tries to
     *     prove optimal on models of any size
     * @param singles single substreams tried (before the pairs)
     * @param singlesImproving single substreams that gave a cheaper solution
     * @param countries countries tried (after the pairs stalled)
     * @param countriesImproving countries that gave a cheaper solution
     * @param cuts the {@link SubstreamSetCuts} its solutions broke, added to its model as found
     */
    record Result(
            Optional<ConnectivityRepair.Repaired> start,
            int tried,
            int improved,
            boolean stalled,
            int singles,
            int singlesImproving,
            int countries,
            int countriesImproving,
            List<SubstreamSetCuts.Cut> cuts) {
        static final Result NONE = new Result(Optional.empty(), 0, 0, false, 0, 0, 0, 0, List.of());
    }

    /**
     * One neighbourhood of channel {@code c}: substreams {@code a} and {@code b} (one substream
     * when equal), or, with a {@code country}, the arcs of every substream with an end in it.
     */
    private record Neighbourhood(int c, int a, int b, Optional<String> country) {
        /** Whether the neighbourhood frees arc {@code arc} of substream {@code s} of channel {@code channel}. */
        boolean frees(ClassModel model, int channel, int s, int arc) {
            if (channel != c) {
                return false;
            }
            if (country.isEmpty()) {
                return s == a || s == b;
            }
            ChannelGraph graph = model.graphs[c];
            return graph.countryOf(graph.tail[arc]).equals(country.get())
                    || graph.countryOf(graph.head[arc]).equals(country.get());
        }
    }

    /**
     * What one call of {@link Walk#turns} did: neighbourhoods tried, those that gave a cheaper
     * solution, and whether it stopped because a whole turn found nothing cheaper.
     */
    private record Turn(int tried, int improved, boolean stalled) {
        static final Turn NONE = new Turn(0, 0, false);

        /** This and a later call: counts added, stalled as the later one. */
        Turn plus(Turn later) {
            return new Turn(tried + later.tried, improved + later.improved, later.stalled);
        }
    }

    private SubstreamSearch() {}

    /**
     * Searches from the {@code rounds}' start towards their bound on {@code phaseTwo}'s linear
     * rows (not changed) with the cuts of their sets: single substreams first, then pairs, then
     * countries where the pairs stall; nothing when they have no start or bound, or the start
     * reaches the bound.
     */
    static Result run(
            ClassModel model, CpModel phaseTwo, LinearExpr cost, ConnectivityRounds.Result rounds, Budget budget) {
        List<Neighbourhood> pairs = neighbourhoods(model, 2);
        if (pairs.isEmpty() || rounds.start().isEmpty() || rounds.bound().isEmpty() || rounds.proved()) {
            return Result.NONE;
        }
        int substreams =
                Arrays.stream(model.x).mapToInt(channel -> channel.length).sum();
        long end = budget.deadline().orElse(System.nanoTime() + SECONDS * 1_000_000_000L);
        Optional<LinearModel> loaded = ClosingSolve.withCuts(model, phaseTwo, model.order, cost, rounds.entries());
        if (loaded.isEmpty()) {
            return Result.NONE;
        }
        LinearModel whole = loaded.get();
        try {
            whole.solver.setSolverSpecificParametersAsString(
                    "limits/nodes = " + Math.max(1, ClosingSolve.nodes(budget, ClosingSolve.NODES_PER_SECOND)));
            Walk walk =
                    new Walk(model, whole, rounds.start().get(), rounds.bound().getAsLong(), end);
            Turn singles = walk.turns(neighbourhoods(model, 1), most(model, budget, 1.0 / substreams), false);
            int mostPairs = most(model, budget, 2.0 / substreams);
            List<Neighbourhood> countries = countries(model);
            Turn byPair = walk.turns(pairs, mostPairs, false);
            Turn byCountry = Turn.NONE;
            boolean stalled = byPair.stalled();
            while (stalled) {
                Turn country = walk.turns(countries, Math.max(countries.size(), mostPairs), true);
                byCountry = byCountry.plus(country);
                if (country.improved() == 0) {
                    break; // the best is still the pairs' local optimum
                }
                byPair = byPair.plus(walk.turns(pairs, mostPairs, false));
                stalled = byPair.stalled();
            }
            return new Result(
                    walk.started == walk.best ? Optional.empty() : Optional.of(walk.best),
                    byPair.tried(),
                    byPair.improved(),
                    stalled,
                    singles.tried(),
                    singles.improved(),
                    byCountry.tried(),
                    byCountry.improved(),
                    List.copyOf(walk.cuts));
        } finally {
            whole.delete();
        }
    }

    /**
     * A full solution of phase two's model (phase one's) as a start, where the rounds' repair
     * found none (critical family: no sender has room left to reconnect what the rounds' solution
     * leaves unreached); empty when the cost has a term over a variable not in it.
     */
    static Optional<ConnectivityRepair.Repaired> startAt(ClassModel model, LinearExpr cost, long[] solution) {
        int[] all = new int[solution.length];
        Arrays.setAll(all, i -> i);
        return model.solve.evaluate(cost, solution).stream()
                .mapToObj(value -> new ConnectivityRepair.Repaired(new PlanHint.Values(all, solution), value))
                .findFirst();
    }

    /**
     * Neighbourhoods tried at most: {@value #PER_SECOND} per deterministic second of the budget,
     * fewer when one frees more than {@value #PAIR_VARIABLES} variables (a {@code share} of the
     * model's), at least one.
     */
    private static int most(ClassModel model, Budget budget, double share) {
        double scale = Math.min(1, PAIR_VARIABLES / (model.variables() * share));
        return (int) Math.max(1, Math.floor(PER_SECOND * budget.deterministicSeconds() * scale));
    }

    /** The search's state: the best start so far, with its edges, and the neighbourhoods tried. */
    private static final class Walk {
        private final ClassModel model;
        private final LinearModel whole;
        private final int own;
        private final MPConstraint cap;
        private final long bound;
        private final long end;
        final ConnectivityRepair.Repaired started;
        ConnectivityRepair.Repaired best;
        private long[] fixedAt;
        /** The {@link SubstreamSetCuts} added, in order. */
        final List<SubstreamSetCuts.Cut> cuts = new ArrayList<>();

        Walk(ClassModel model, LinearModel whole, ConnectivityRepair.Repaired start, long bound, long end) {
            this.model = model;
            this.whole = whole;
            this.own = whole.rows.size();
            this.started = start;
            this.best = start;
            this.bound = bound;
            this.end = end;
            this.cap = whole.capCost(start.cost() - 1);
            this.fixedAt = values(model, start.hint());
        }

        /**
         * Tries the neighbourhoods in turn, over and over, until the best reaches the bound, a whole
         * turn finds nothing cheaper (then {@link Turn#stalled}), {@code most} are tried or the
         * deadline passes; a cheaper solution is taken only when the {@link Realizer} realises it,
         * if {@code realised}.
         */
        Turn turns(List<Neighbourhood> sets, int most, boolean realised) {
            int tried = 0;
            int improved = 0;
            int sinceImproved = 0;
            int repeats = 0;
            while (tried < most && sinceImproved < sets.size() && best.cost() > bound) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left < 1) {
                    break;
                }
                fix(model, whole, fixedAt, sets.get(tried % sets.size()));
                cap.setUb(best.cost() - 1);
                whole.solver.reset();
                whole.solver.setTimeLimit(left);
                MPSolver.ResultStatus status = whole.solveExactly();
                Optional<ConnectivityRepair.Repaired> found =
                        status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE
                                ? ClosingSolve.taken(model, whole, own)
                                : Optional.empty();
                List<SubstreamSetCuts.Cut> broken = found.isPresent()
                        ? SubstreamSetCuts.violated(model, ClosingSolve.values(model, ClosingSolve.rounded(whole)))
                        : List.of();
                if (!broken.isEmpty() && repeats < REPEATS) {
                    broken.forEach(cut -> whole.add(cut.row(model)));
                    cuts.addAll(broken);
                    repeats++;
                    continue; // the same neighbourhood again, with the cuts it broke
                }
                found = broken.isEmpty() ? found : Optional.empty();
                repeats = 0;
                tried++;
                if (found.isPresent() && found.get().cost() < best.cost() && (!realised || realises(found.get()))) {
                    best = found.get();
                    fixedAt = values(model, best.hint());
                    improved++;
                    sinceImproved = 0;
                } else {
                    sinceImproved++;
                }
            }
            return new Turn(tried, improved, sinceImproved >= sets.size() && best.cost() > bound);
        }

        /** Whether the {@link Realizer} turns the solution into trees that carry it exactly. */
        private boolean realises(ConnectivityRepair.Repaired solution) {
            long[] values = values(model, solution.hint());
            return Realizer.of(model, var -> values[var]).run().complete();
        }
    }

    /**
     * Every single substream ({@code size} 1) or pair of substreams ({@code size} 2) of every
     * channel, the dearest first.
     */
    private static List<Neighbourhood> neighbourhoods(ClassModel model, int size) {
        List<Neighbourhood> sets = new ArrayList<>();
        for (int c = 0; c < model.x.length; c++) {
            for (int a = 0; a < model.x[c].length; a++) {
                for (int b = size == 1 ? a : a + 1; b < (size == 1 ? a + 1 : model.x[c].length); b++) {
                    sets.add(new Neighbourhood(c, a, b, Optional.empty()));
                }
            }
        }
        return sets;
    }

    /**
     * Every country of every channel with a class that receives or holds it, the one of most
     * such classes first (then by name): the arcs into and out of its classes and hubs.
     */
    private static List<Neighbourhood> countries(ClassModel model) {
        List<Neighbourhood> sets = new ArrayList<>();
        for (int c = 0; c < model.x.length; c++) {
            ChannelGraph graph = model.graphs[c];
            Map<String, Integer> classes = new TreeMap<>();
            for (int g = 0; g < graph.classes; g++) {
                if (graph.holder[g]) {
                    classes.merge(graph.countryOf(g), 1, Integer::sum);
                }
            }
            int channel = c;
            classes.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(entry -> sets.add(
                            new Neighbourhood(channel, 0, model.x[channel].length - 1, Optional.of(entry.getKey()))));
        }
        return sets;
    }

    /** Frees the edges of the neighbourhood and fixes every other edge at {@code values}'. */
    private static void fix(ClassModel model, LinearModel whole, long[] values, Neighbourhood part) {
        for (int c = 0; c < model.x.length; c++) {
            for (int s = 0; s < model.x[c].length; s++) {
                for (int arc = 0; arc < model.x[c][s].length; arc++) {
                    int v = model.x[c][s][arc];
                    boolean free = part.frees(model, c, s, arc);
                    int j = model.solve.var(v).getIndex();
                    whole.vars[j].setBounds(free ? whole.lower[j] : values[v], free ? whole.upper[j] : values[v]);
                }
            }
        }
    }

    /** The hint's values by the class model's variable numbers (0 for variables it leaves out). */
    private static long[] values(ClassModel model, PlanHint.Values hint) {
        long[] values = new long[model.variables()];
        hint.copyInto(values);
        return values;
    }
}
