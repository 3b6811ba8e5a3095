package dev.canopy.solver.cpsat;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import dev.canopy.model.Channel;
import dev.canopy.model.SnapshotIndex;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The class-level CP-SAT model: a <b>relaxation</b> of the per-node problem, so that its proved
 * optimum bounds every plan, and a plan that reaches it is optimal.
 *
 * <p>Per channel c, substream s (data and parity alike) and arc a of the {@link ChannelGraph},
 * {@code x[c][s][a]} counts child edges; the edges into a class are its holders of s (each
 * holder has one parent). Per receiver class h, {@code m[c][h]} counts its served nodes. Why
 * every per-node plan P maps onto a solution with the same served weight and cost (so the
 * model's optimum is at least as good as the per-node optimum): count P's edges of (c, s) from
 * class g to class h and send them through the hub of the pair's scope (region, country, world),
 * or along the direct arc for an access-list child; then
 *
 * <ul>
 *   <li>hubs conserve, and what enters class h is its number of holders of s, at most its size;
 *   <li>the nodes of h served in P each hold at least k of the k+n substreams, so with {@code
 *       w[s] = min(holders of s, m)}: {@code sum_s w[s] >= k m} (for n = 0: every {@code holders
 *       of s >= m});
 *   <li>a class sends in (c, s) only from its holders of s, at most t of its nodes, so at most
 *       the slots of its t nodes with most slots, {@code prefix[t]}: a concave function of t,
 *       written as its tangents; in all it sends at most {@code prefix[size]} (a source class
 *       only this);
 *   <li>what a class receives in all is at most its nodes' downlinks in substreams;
 *   <li>every class that holds s is reached from a source of c along arcs that carry edges of s
 *       (P's trees are rooted at sources): a flow from the sources ({@link SourceFlow}), and
 *       for each region and each country the cut it implies ({@link ConnectivityCuts}), also
 *       in the stronger form that the edge entering the scope lands on the holder or on a relay
 *       ({@link RelayEntryCuts}, which lifts the LP bound, see {@link LpBound});
 *   <li>a served node receives at least k substreams and a node that sends at least one, which
 *       with its slots bounds what a class can serve and send on what it receives ({@link
 *       InboundCuts}, added when some receiver may go unserved), and over any set of a
 *       channel's substreams, what a class sends comes from the nodes that hold one of them
 *       ({@link SubstreamSetCuts}, found where the {@link SubstreamSearch}'s solutions break
 *       them, and then held in phase two);
 *   <li>the substreams of a channel are interchangeable, so P can be renumbered so that each
 *       costs at least as much as the next.
 * </ul>
 *
 * The cost of an arc into a class is the unit rate times the weight of its hub's scope, which
 * equals the edge's {@link dev.canopy.solver.Locality} cost. Links, depth limits and channels of
 * different substream rates are not in the model (the planner refuses problems where they
 * could bind).
 */
final class ClassModel {
    /**
     * GLOP's deterministic seconds for phase one's LP bound, as a multiple of the budget's: at
     * critical 2,000 peers, k = 8, 10 were not enough; 30 were (GLOP's own deterministic time, so
     * the bound repeats on any machine).
     */
    static final int SERVED_LP_SCALE = 3;

    /** Share of the time left that phase two's LP bound may take ({@link LpBound}). */
    static final double LP_SHARE = 0.25;

    /** Share of the time left after the LP that the {@link ConnectivityRounds} may take. */
    static final double ROUNDS_SHARE = 0.6;

    /** Share of the time left after the rounds that the {@link SubstreamSearch} may take. */
    static final double SEARCH_SHARE = 0.5;

    /** Share of the time left after the {@link SubstreamSearch} that the {@link ClosingSolve} may take. */
    static final double CLOSING_SHARE = 0.5;

    final PeerClasses classes;
    final ChannelGraph[] graphs;
    /** m[c][h]: served nodes of receiver class h, or -1. */
    final int[][] m;
    /** x[c][s][a]: edges of substream s along arc a. */
    final int[][][] x;
    /** holds[c][s][h]: 1 when holder class h holds substream s, or -1. */
    final int[][][] holds;

    int cuts;
    /** The {@link SourceFlow}'s constraints, which the LP bound and the {@link ConnectivityRounds} leave out. */
    final LpBound.Omitted flow;
    /** The rows that order each channel's substreams by cost, which the {@link SubstreamSearch} leaves out. */
    final LpBound.Omitted order;
    /** The {@link InboundCuts}' rows, none when the model is built without them. */
    final LpBound.Omitted inbound;
    /** flowUnits[c][s][a]: the {@link SourceFlow}'s variables. */
    final int[][][] flowUnits;

    final LexicographicSolve solve = new LexicographicSolve();
    final SnapshotIndex index;
    /** in[c][s][v]: edges into vertex v. */
    private final LinearExprBuilder[][][] into;
    /** out[c][s][g]: edges out of class g. */
    private final LinearExprBuilder[][][] outOf;

    /** The model with the {@link RelayEntryCuts}, without the {@link InboundCuts}. */
    ClassModel(PeerClasses classes) {
        this(classes, true, false);
    }

    /**
     * The model, with the {@link RelayEntryCuts} when {@code relayEntryCuts} (the tests compare)
     * and the {@link InboundCuts} when {@code inboundCuts} (worth it only when some receiver may
     * go unserved).
     */
    ClassModel(PeerClasses classes, boolean relayEntryCuts, boolean inboundCuts) {
        this.classes = classes;
        this.index = classes.index;
        int channels = index.channelCount();
        graphs = new ChannelGraph[channels];
        m = new int[channels][];
        x = new int[channels][][];
        holds = new int[channels][][];
        into = new LinearExprBuilder[channels][][];
        outOf = new LinearExprBuilder[channels][][];
        for (int c = 0; c < channels; c++) {
            graphs[c] = ChannelGraph.of(classes, c);
            int substreams = index.channel(c).totalSubstreams();
            x[c] = new int[substreams][];
            holds[c] = new int[substreams][];
            into[c] = new LinearExprBuilder[substreams][];
            outOf[c] = new LinearExprBuilder[substreams][];
            for (int s = 0; s < substreams; s++) {
                substream(c, s);
            }
            m[c] = new int[classes.count];
            for (int h = 0; h < classes.count; h++) {
                m[c][h] = graphs[c].receiver[h] ? solve.newInt(0, classes.size(h)) : -1;
                if (m[c][h] >= 0) {
                    served(c, h);
                }
            }
        }
        capacities();
        downlinks();
        int orderFrom = solve.model().getBuilder().getConstraintsCount();
        orderSubstreams();
        order = new LpBound.Omitted(orderFrom, solve.model().getBuilder().getConstraintsCount());
        ConnectivityCuts.addStatic(this);
        if (relayEntryCuts) {
            RelayEntryCuts.add(this);
        }
        int inboundFrom = solve.model().getBuilder().getConstraintsCount();
        if (inboundCuts) {
            InboundCuts.add(this);
        }
        inbound = new LpBound.Omitted(inboundFrom, solve.model().getBuilder().getConstraintsCount());
        int flowFrom = solve.model().getBuilder().getConstraintsCount();
        flowUnits = SourceFlow.add(this);
        flow = new LpBound.Omitted(flowFrom, solve.model().getBuilder().getConstraintsCount());
    }

    int variables() {
        return solve.size();
    }

    /**
     * Solves both phases, phase two's bound raised by its LP's and the {@link ConnectivityRounds}'
     * when higher; see {@link LexicographicSolve}.
     */
    LexicographicSolve.Outcome solve(long seed, Budget budget, long[] warm) {
        return solve.solve(
                servedObjective(),
                costObjective(),
                seed,
                budget,
                warm,
                Optional.of(this::servedBound),
                Optional.of(this::costBounds));
    }

    /**
     * Phase one's LP bound within {@value #LP_SHARE} of the time left ({@value #SERVED_LP_SCALE}
     * times the budget's deterministic seconds): the served weight's LP
     * relaxation (without the {@link SourceFlow}), certified as {@link LpBound} certifies phase
     * two's, on the served weight negated. Critical family, 2,000 peers, seed 24: 144,399,876 at k =
     * 4 and 144,400,040 at k = 8 (GLOP, 3.5 s and 29 s), where CP-SAT's bound stayed at the
     * ceiling, 144,400,255 (every receiver served).
     */
    OptionalLong servedBound(CpModel model, Budget budget) {
        Budget share = budget.share(LP_SHARE);
        Budget scaled = new Budget(share.deterministicSeconds() * SERVED_LP_SCALE, share.deadline());
        OptionalLong least = LpBound.of(model.model(), flow, servedObjective(-1), scaled);
        return least.isPresent() ? OptionalLong.of(-least.getAsLong()) : OptionalLong.empty();
    }

    /**
     * Phase two's LP bound within {@value #LP_SHARE} of the time left, then the connectivity
     * rounds within {@value #ROUNDS_SHARE} of what is left; unless a round proved its optimum, the
     * {@link SubstreamSearch} from their best start (phase one's solution where they have none)
     * within {@value #SEARCH_SHARE} of what is left then, its {@link SubstreamSetCuts} added to
     * phase two's model, and, unless it reached their bound, the {@link ClosingSolve} with their cuts within
     * {@value #CLOSING_SHARE} of what is left after it (on a model of any size when the search
     * stalled). The cuts stay out of the CP-SAT model:
     * tens of thousands of long rows (60,568 at homogeneous 2,000, k = 8) left its phase two
     * without a solution within its budget; only their bound joins it.
     */
    private PhaseTwoBounds costBounds(CpModel model, LinearExpr cost, long seed, Budget budget, long[] hint) {
        OptionalLong lp = LpBound.of(model.model(), flow, cost, budget.share(LP_SHARE));
        ConnectivityRounds.Result rounds = ConnectivityRounds.run(this, model, cost, budget.share(ROUNDS_SHARE));
        ConnectivityRounds.Result from =
                rounds.start().isPresent() ? rounds : rounds.withStart(SubstreamSearch.startAt(this, cost, hint));
        SubstreamSearch.Result search = SubstreamSearch.run(this, model, cost, from, budget.share(SEARCH_SHARE));
        search.cuts().forEach(cut -> cut.addTo(this, model));
        ConnectivityRounds.Result searched = search.start().isPresent() ? rounds.withStart(search.start()) : rounds;
        ClosingSolve.Result closing = searched.proved() || rounds.rounds() == 0
                ? ClosingSolve.Result.NONE
                : ClosingSolve.run(this, model, cost, searched, search.stalled(), budget.share(CLOSING_SHARE));
        OptionalLong bound = PhaseTwoBounds.higher(rounds.bound(), closing.bound());
        Optional<ConnectivityRepair.Repaired> start = closing.start()
                .filter(found -> SubstreamSetCuts.meets(this, found.hint()))
                .or(searched::start);
        return new PhaseTwoBounds(lp, bound, rounds.rounds(), rounds.cuts(), start, search, closing.status());
    }

    /** The edges of one substream: hubs conserve, a class takes at most its size and says whether it holds. */
    private void substream(int c, int s) {
        ChannelGraph graph = graphs[c];
        CpModel model = solve.model();
        int[] units = new int[graph.arcs()];
        long allSlots = 0;
        for (int g = 0; g < classes.count; g++) {
            allSlots += classes.prefix[g][classes.size(g)];
        }
        LinearExprBuilder[] in = new LinearExprBuilder[graph.vertices];
        LinearExprBuilder[] out = new LinearExprBuilder[graph.vertices];
        for (int v = 0; v < graph.vertices; v++) {
            in[v] = LinearExpr.newBuilder();
            out[v] = LinearExpr.newBuilder();
        }
        for (int a = 0; a < graph.arcs(); a++) {
            int t = graph.tail[a];
            int h = graph.head[a];
            long upper =
                    !graph.isHub(h) ? classes.size(h) : graph.isHub(t) ? allSlots : classes.prefix[t][classes.size(t)];
            units[a] = solve.newInt(0, Math.max(0, upper));
            in[h].add(solve.var(units[a]));
            out[t].add(solve.var(units[a]));
        }
        holds[c][s] = new int[classes.count];
        for (int v = 0; v < graph.vertices; v++) {
            if (graph.isHub(v)) {
                model.addEquality(in[v], out[v]);
            } else if (graph.holder[v]) {
                holds[c][s][v] = solve.newBool();
                LinearExprBuilder bounded =
                        LinearExpr.newBuilder().add(in[v].build()).addTerm(solve.var(holds[c][s][v]), -classes.size(v));
                model.addLessOrEqual(bounded, 0);
            } else {
                holds[c][s][v] = -1;
            }
        }
        x[c][s] = units;
        into[c][s] = in;
        outOf[c][s] = out;
    }

    /** Served nodes hold k of the k+n substreams: {@code sum_s min(holders of s, m) >= k m}. */
    private void served(int c, int h) {
        Channel channel = index.channel(c);
        CpModel model = solve.model();
        IntVar served = solve.var(m[c][h]);
        int k = channel.substreams();
        if (channel.parity() == 0) {
            for (int s = 0; s < k; s++) {
                model.addGreaterOrEqual(
                        LinearExpr.newBuilder().add(into[c][s][h].build()).addTerm(served, -1), 0);
            }
            return;
        }
        LinearExprBuilder covered = LinearExpr.newBuilder();
        for (int s = 0; s < channel.totalSubstreams(); s++) {
            IntVar w = solve.var(solve.newInt(0, classes.size(h)));
            model.addLessOrEqual(w, served);
            model.addLessOrEqual(LinearExpr.newBuilder().add(w).addTerm(into[c][s][h].build(), -1), 0);
            covered.add(w);
        }
        model.addGreaterOrEqual(covered.addTerm(served, -k), 0);
    }

    /**
     * Uplink: a holder class sends in (c, s) at most {@code prefix[t]} for t its holders of s, as
     * the tangents {@code prefix[u] + slope(u) (t - u)} at every u where the slope changes; every
     * class sends at most {@code prefix[size]} in all.
     */
    private void capacities() {
        CpModel model = solve.model();
        for (int g = 0; g < classes.count; g++) {
            LinearExprBuilder sent = LinearExpr.newBuilder();
            long[] prefix = classes.prefix[g];
            int n = classes.size(g);
            boolean any = false;
            for (int c = 0; c < graphs.length; c++) {
                if (!graphs[c].sender[g]) {
                    continue;
                }
                for (int s = 0; s < x[c].length; s++) {
                    LinearExpr out = outOf[c][s][g].build();
                    sent.add(out);
                    any = true;
                    if (graphs[c].source[g]) {
                        continue;
                    }
                    LinearExpr held = into[c][s][g].build();
                    long previousSlope = -1;
                    for (int u = 0; u < n; u++) {
                        long slope = prefix[u + 1] - prefix[u];
                        if (slope == previousSlope) {
                            continue;
                        }
                        previousSlope = slope;
                        model.addLessOrEqual(
                                LinearExpr.newBuilder().add(out).addTerm(held, -slope), prefix[u] - slope * u);
                    }
                }
            }
            if (any) {
                model.addLessOrEqual(sent, prefix[n]);
            }
        }
    }

    /** What a class receives in all is at most its nodes' downlinks, in substreams. */
    private void downlinks() {
        for (int g = 0; g < classes.count; g++) {
            if (classes.downlink[g] < 0) {
                continue;
            }
            LinearExprBuilder received = LinearExpr.newBuilder();
            for (int c = 0; c < graphs.length; c++) {
                if (graphs[c].holder[g]) {
                    received.add(received(c, g));
                }
            }
            solve.model().addLessOrEqual(received, classes.downlink[g]);
        }
    }

    /** The edges of every substream of channel c into class g: its holdings of the channel. */
    LinearExpr received(int c, int g) {
        return sum(into[c], g);
    }

    /** The edges of every substream of channel c out of class g. */
    LinearExpr sent(int c, int g) {
        return sum(outOf[c], g);
    }

    private static LinearExpr sum(LinearExprBuilder[][] bySubstream, int vertex) {
        LinearExprBuilder sum = LinearExpr.newBuilder();
        for (LinearExprBuilder[] substream : bySubstream) {
            sum.add(substream[vertex].build());
        }
        return sum.build();
    }

    /** The substreams of a channel are interchangeable, so each costs at least as much as the next. */
    private void orderSubstreams() {
        for (int c = 0; c < graphs.length; c++) {
            for (int s = 0; s + 1 < x[c].length; s++) {
                LinearExprBuilder difference = LinearExpr.newBuilder();
                for (int a = 0; a < graphs[c].arcs(); a++) {
                    if (graphs[c].unitCost[a] > 0) {
                        difference.addTerm(solve.var(x[c][s][a]), graphs[c].unitCost[a]);
                        difference.addTerm(solve.var(x[c][s + 1][a]), -graphs[c].unitCost[a]);
                    }
                }
                solve.model().addGreaterOrEqual(difference, 0);
            }
        }
    }

    /** Tier weights by ordinal for this problem (see {@link TierWeights}). */
    long[] tierWeights() {
        return TierWeights.of(TierWeights.pairsPerTier(index));
    }

    LinearExpr servedObjective() {
        return servedObjective(1);
    }

    /** The served weight times {@code sign}. */
    private LinearExpr servedObjective(int sign) {
        long[] weight = tierWeights();
        LinearExprBuilder served = LinearExpr.newBuilder();
        for (int c = 0; c < graphs.length; c++) {
            for (int h = 0; h < classes.count; h++) {
                if (m[c][h] >= 0) {
                    served.addTerm(
                            solve.var(m[c][h]),
                            sign * weight[classes.representative[h].tier().ordinal()]);
                }
            }
        }
        return served.build();
    }

    LinearExpr costObjective() {
        LinearExprBuilder cost = LinearExpr.newBuilder();
        for (int c = 0; c < graphs.length; c++) {
            for (int[] units : x[c]) {
                for (int a = 0; a < units.length; a++) {
                    if (graphs[c].unitCost[a] > 0) {
                        cost.addTerm(solve.var(units[a]), graphs[c].unitCost[a]);
                    }
                }
            }
        }
        return cost.build();
    }
}
