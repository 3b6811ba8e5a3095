package dev.canopy.solver.multitree;

import dev.canopy.solver.PolicyGate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds a channel's trees in parallel, to the very plan {@link TreeBuilder} builds one tree
 * after the other. Once the receivers only servers may feed are placed, the trees share only
 * the servers' free slots (and the source slots kept for roots) and the capacity of links with
 * a capacity: each peer's uplink serves its own tree through the slots the {@link
 * TreeAssignment} gave it there, and the budgets, members, friends and orders are fixed before
 * any tree is built. So each tree is built by a fork of the builder ({@link TreeBuilder#fork})
 * against those shared capacities as the trees before it left them <em>uncounted</em>, noting
 * the least room each of its choices relied on ({@link ServerSlots}, {@link ForkLinks}). Then,
 * in tree order, it checks that what the trees before took leaves that room: if so every choice
 * is the one the sequential build would have made (each "is there room" asked the same way
 * returns the same answer), and the forks' edges are taken in, tree by tree; if not, nothing has
 * been reserved and the caller builds the trees one after the other. The merge order is fixed,
 * so the plan is the same with any number of threads.
 *
 * <p>Only without policies (the policy ledger and soft costs are shared state too) and only for
 * a channel's data trees (parity trees order their leaves by what the trees before gave).
 * Stateless; the pool lives for one call.
 */
final class TreeForks {
    private TreeForks() {}

    /**
     * Builds every tree of the channel with forks of the builder, which must have placed the
     * receivers only servers may feed; returns false, having changed nothing, when the trees
     * must be built one after the other instead.
     */
    static boolean build(
            TreeBuilder builder,
            ChannelMembers m,
            PolicyGate gate,
            ServerBudget budget,
            long[] forced,
            Parallelism parallelism) {
        if (!parallelism.parallel(m.receivers.length)
                || gate.active()
                || gate.hasSoftCosts()
                || m.trees != m.k
                || m.trees < 2) {
            return false;
        }
        TreeBuilder[] forks = forks(builder, m, budget, forced, Math.min(parallelism.threads(), m.trees));
        if (!independent(builder, forks, m)) {
            parallelism.refused().incrementAndGet();
            return false;
        }
        for (int s = 0; s < forks.length; s++) {
            builder.absorb(forks[s], s);
        }
        parallelism.forked().incrementAndGet();
        return true;
    }

    private static TreeBuilder[] forks(
            TreeBuilder builder, ChannelMembers m, ServerBudget budget, long[] forced, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "canopy-tree");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TreeBuilder>> built = new ArrayList<>();
            for (int s = 0; s < m.trees; s++) {
                int tree = s;
                built.add(pool.submit(() -> {
                    TreeBuilder fork = builder.fork(new EdgeLog(m.receivers.length), tree);
                    fork.build(tree, budget.first(tree), budget.total(tree), forced[tree]);
                    return fork;
                }));
            }
            TreeBuilder[] forks = new TreeBuilder[m.trees];
            for (int s = 0; s < m.trees; s++) {
                forks[s] = built.get(s).get();
            }
            return forks;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building trees", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Whether, tree by tree, the server slots and link capacity the trees before it take leave
     * every room its choices relied on (then the sequential build makes the same choices).
     */
    private static boolean independent(TreeBuilder builder, TreeBuilder[] forks, ChannelMembers m) {
        int links = m.index.linkCount();
        long[] takenAToB = new long[links];
        long[] takenBToA = new long[links];
        long[] serverTaken = new long[m.servers.length];
        long sourceTaken = 0;
        ServerSlots before = builder.servers();
        long rootsBefore = 0;
        for (TreeBuilder fork : forks) {
            ForkLinks tree = fork.links();
            for (int l = 0; l < links; l++) {
                if (takenAToB[l] > tree.leastRoomAToB[l] || takenBToA[l] > tree.leastRoomBToA[l]) {
                    return false;
                }
            }
            ServerSlots slots = fork.servers();
            long unexpected = sourceTaken - rootsBefore;
            if (unexpected >= slots.leastSourceRoom || unexpected < slots.mostSourceRoomRefused) {
                return false;
            }
            for (int j = 0; j < m.servers.length; j++) {
                if (serverTaken[j] >= slots.fewestRelied[m.servers[j]]) {
                    return false;
                }
            }
            for (int l = 0; l < links; l++) {
                takenAToB[l] += tree.usedAToB[l];
                takenBToA[l] += tree.usedBToA[l];
            }
            for (int j = 0; j < m.servers.length; j++) {
                int server = m.servers[j];
                long used = before.free(server) - slots.free(server);
                serverTaken[j] += used;
                if (m.has(server, ChannelMembers.SOURCE)) {
                    sourceTaken += used;
                }
            }
            rootsBefore++;
        }
        return true;
    }
}
