package dev.canopy.solver;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;
import dev.canopy.policies.compile.Ingress;
import dev.canopy.policies.compile.Relaxations;
import java.util.ArrayList;
import java.util.List;

/**
 * dual-ingress on a finished plan. While planning, the ledger caps a domain at two copies per
 * substream over distinct upstream links and {@link PolicyGate#preferEntering} looks for them,
 * but whether the second copy can enter is only known at the end: a domain behind one upstream
 * link, or one whose second ISP has no holder with room, gets a single copy, which breaks the
 * rule. This pass finds every hard dual-ingress domain that, for some substream of a selected
 * channel, received exactly one copy (or two over the same link where distinct links are asked
 * for), counting only members the policy still binds, and settles it:
 *
 * <ul>
 *   <li>a relaxable policy is set aside, for that channel, for every member that receives any of
 *       it (recorded in the gate's relaxations, hence in the plan's {@code relaxed} list);
 *   <li>otherwise the domain gets nothing of the channel: its members lose every edge of the
 *       channel and are listed unserved with reason {@code policy} naming the dual-ingress policy
 *       (a member a bar keeps from the channel stays listed with the bar), and outside nodes they
 *       fed are moved to another holder or given up ({@link DomainCut}).
 * </ul>
 *
 * Either way the domain is then closed to the channel in the gate ({@link
 * PolicyGate#closeEntry}), so a later pass cannot let a single copy in again. A domain that
 * received no copy at all, or two as asked, is left as it is. Works on the plan's edges through
 * {@link PlanAssembler}, releasing and reserving through the call's gate, so any strategy runs
 * it at the end ({@link FinishingPasses#apply} runs it first). Stateless.
 */
public final class IngressShortfall {
    private IngressShortfall() {}

    /**
     * Settles the dual-ingress domains that got one copy where two are required.
     *
     * @return how many (domain, channel) pairs were settled, by relaxing or cutting
     */
    public static int settle(PolicyGate gate, PlanAssembler plan) {
        if (!gate.active()) {
            return 0;
        }
        Routing routing = gate.resources().routing();
        SnapshotIndex index = routing.index();
        int settled = 0;
        for (int c = 0; c < index.channelCount(); c++) {
            List<Ingress> rules = new ArrayList<>();
            for (Ingress rule : gate.policies().ingresses(c)) {
                if (rule.copies() == 2) {
                    rules.add(rule);
                }
            }
            if (rules.isEmpty()) {
                continue;
            }
            int[][] parents = plan.parents(c);
            for (Ingress rule : rules) {
                if (!fallsShort(routing, gate.relaxations(), rule, c, parents)) {
                    continue;
                }
                settled++;
                if (rule.policy().relaxable()) {
                    relax(gate, index, rule, c, parents);
                } else {
                    new DomainCut(gate, plan, rule, c, parents).run();
                }
                gate.closeEntry(rule, c);
            }
        }
        return settled;
    }

    /**
     * Whether some substream entered the domain once, or twice over one upstream link where the
     * rule asks for distinct links; edges into members the policy is lifted for do not count.
     */
    static boolean fallsShort(Routing routing, Relaxations lifted, Ingress rule, int channel, int[][] parents) {
        for (int[] tree : parents) {
            int copies = 0;
            int firstLink = Integer.MIN_VALUE;
            boolean sameLink = false;
            for (int child = 0; child < tree.length; child++) {
                int parent = tree[child];
                if (parent < 0 || !rule.enters(parent, child) || lifted.isLifted(child, channel, rule.policy())) {
                    continue;
                }
                int link = upstream(routing, parent, child);
                sameLink |= copies == 1 && link == firstLink;
                if (copies == 0) {
                    firstLink = link;
                }
                copies++;
            }
            if (copies == 1 || (copies == 2 && rule.distinctLinks() && sameLink)) {
                return true;
            }
        }
        return false;
    }

    /** The last link of the edge's route (the upstream link into the child's region), -1 for none. */
    private static int upstream(Routing routing, int parent, int child) {
        Route route = routing.routeBetweenNodes(parent, child);
        return route.hops() == 0 ? -1 : route.link(route.hops() - 1);
    }

    /** Sets the policy aside on the channel for every member that receives any substream of it. */
    private static void relax(PolicyGate gate, SnapshotIndex index, Ingress rule, int channel, int[][] parents) {
        for (int node = 0; node < index.nodeCount(); node++) {
            if (!rule.members().matches(node) || index.isSource(channel, node)) {
                continue;
            }
            for (int[] tree : parents) {
                if (tree[node] >= 0) {
                    gate.relaxations().lift(node, channel, rule.policy(), index);
                    break;
                }
            }
        }
    }
}
