package dev.canopy.solver.cpsat;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.Optional;

/**
 * Who in one class holds which substream, and how many children each holder has in it, found
 * by CP-SAT where the {@link Realizer}'s two greedy ways fall short. The class solution gives,
 * per (channel, substream), the class's holders and the children it sends; a per-node plan with
 * that image exists only if some assignment meets all of these, which this model states
 * exactly: each substream has its number of holders; the class has its number of served nodes
 * per channel, each holding at least k substreams of it; a node holds at most its downlink
 * room; a node sends only substreams it holds, at most its slots in all; each substream's
 * children are sent. The greedy ways miss it where the substreams sent most must go to the
 * nodes with most slots (critical family, 500 peers: a class of 7 nodes sending 7, 4, 9 and 4
 * children of its four substreams, with slots 10, 5, 5, 2, 2, 1, 1, only fits with the 9 on a
 * 5-slot node).
 *
 * <p>Deterministic: one CP-SAT worker, seed 0, a deterministic-time limit.
 */
final class ClassHoldings {
    /**
     * A class's problem, node by node and (channel, substream) by (channel, substream), flattened
     * over channels: {@code channel[j]} of substream j, served nodes per channel ({@code served[c]},
     * 0 where the class does not receive c) and their {@code k[c]}.
     *
     * @param slots children each member may have in all
     * @param room substreams each member may still receive (its downlink)
     * @param channel the channel of each substream j
     * @param holders holders of each substream j in the class
     * @param sent children the class sends in each substream j
     * @param served served members per channel
     * @param k substreams a served member holds per channel
     */
    record Problem(long[] slots, long[] room, int[] channel, long[] holders, long[] sent, long[] served, int[] k) {}

    /** An assignment: {@code holds[j][t]} and {@code budget[j][t]} (children of member t in substream j). */
    record Assignment(boolean[][] holds, long[][] budget) {}

    /** A solve's answer, if any, and the deterministic seconds it took. */
    record Answer(Optional<Assignment> assignment, double seconds) {}

    static {
        Loader.loadNativeLibraries();
    }

    private ClassHoldings() {}

    /** An assignment within {@code seconds} of deterministic time, or empty (none, or none found). */
    static Answer solve(Problem p, double seconds) {
        int members = p.slots().length;
        int substreams = p.holders().length;
        CpModel model = new CpModel();
        BoolVar[][] holds = new BoolVar[substreams][members];
        IntVar[][] budget = new IntVar[substreams][members];
        LinearExprBuilder[] held = new LinearExprBuilder[members];
        LinearExprBuilder[] sending = new LinearExprBuilder[members];
        for (int t = 0; t < members; t++) {
            held[t] = LinearExpr.newBuilder();
            sending[t] = LinearExpr.newBuilder();
        }
        for (int j = 0; j < substreams; j++) {
            LinearExprBuilder holders = LinearExpr.newBuilder();
            LinearExprBuilder children = LinearExpr.newBuilder();
            for (int t = 0; t < members; t++) {
                holds[j][t] = model.newBoolVar("");
                budget[j][t] = model.newIntVar(0, Math.min(p.slots()[t], p.sent()[j]), "");
                model.addLessOrEqual(
                        LinearExpr.newBuilder()
                                .add(budget[j][t])
                                .addTerm(holds[j][t], -Math.min(p.slots()[t], p.sent()[j])),
                        0);
                holders.add(holds[j][t]);
                children.add(budget[j][t]);
                held[t].add(holds[j][t]);
                sending[t].add(budget[j][t]);
            }
            model.addEquality(holders, p.holders()[j]);
            model.addEquality(children, p.sent()[j]);
        }
        for (int t = 0; t < members; t++) {
            model.addLessOrEqual(sending[t], p.slots()[t]);
            if (p.room()[t] < substreams) {
                model.addLessOrEqual(held[t], p.room()[t]);
            }
        }
        for (int c = 0; c < p.served().length; c++) {
            if (p.served()[c] == 0) {
                continue;
            }
            LinearExprBuilder count = LinearExpr.newBuilder();
            for (int t = 0; t < members; t++) {
                BoolVar served = model.newBoolVar("");
                LinearExprBuilder ofChannel = LinearExpr.newBuilder();
                for (int j = 0; j < substreams; j++) {
                    if (p.channel()[j] == c) {
                        ofChannel.add(holds[j][t]);
                    }
                }
                model.addGreaterOrEqual(ofChannel, p.k()[c]).onlyEnforceIf(served);
                count.add(served);
            }
            model.addGreaterOrEqual(count, p.served()[c]);
        }
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setNumWorkers(LexicographicSolve.WORKERS)
                .setRandomSeed(0)
                .setMaxDeterministicTime(seconds)
                .setLogSearchProgress(false);
        CpSolverStatus status = solver.solve(model);
        double spent = solver.response().getDeterministicTime();
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Answer(Optional.empty(), spent);
        }
        boolean[][] h = new boolean[substreams][members];
        long[][] b = new long[substreams][members];
        for (int j = 0; j < substreams; j++) {
            for (int t = 0; t < members; t++) {
                h[j][t] = solver.booleanValue(holds[j][t]);
                b[j][t] = solver.value(budget[j][t]);
            }
        }
        return new Answer(Optional.of(new Assignment(h, b)), spent);
    }
}
