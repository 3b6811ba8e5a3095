package dev.canopy.solver.bench;

import dev.canopy.model.Channel;
import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.SnapshotIndex;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * An upper bound on the channel rate at which any valid plan serves every receiver that must be
 * served, tighter than the physical limit min(S, (S + R) / N) because it counts what the hard
 * rules let a plan use: whole substream copies, and who may send to whom.
 *
 * <p>At rate r with k substreams every tree edge carries q = ceil(r / k) kbps (the verifier's
 * substream rate) and a node sends at most its uplink, so a node of uplink u sends at most
 * floor(u / q) copies: its <em>slots</em>. Every receiver that must be served (the channel's
 * receivers less the excused ones) needs k tree edges, one per substream. So a plan serving
 * them all needs, by Hall's condition on a bipartite assignment of receivers' edges to
 * senders' slots:
 *
 * <ol>
 *   <li>the sources' slots at least k (every tree has an edge from a source);
 *   <li>every such receiver's downlink, when stated, at least k x q;
 *   <li>the slots of all nodes that may relay the channel at least k x D (D such receivers);
 *   <li>the slots of regular senders at least k x (lightweight such receivers): two lightweight
 *       nodes are never paired;
 *   <li>for the receivers whose access list names only roles (no node id), the slots of senders
 *       of the roles named at least k per such receiver, and the slots of senders that are
 *       regular or of those roles at least k per receiver that is lightweight or one of them.
 * </ol>
 *
 * <p>Senders are the nodes that may relay (not lightweight no-relay): sources, receivers
 * (excused ones included, which only loosens the bound) and CDN or waypoint servers that do not
 * want the channel, as in the physical limit. Links, policies and the interior-in-one-tree rule
 * are left out, so this is a bound, not a promise; every condition weakens as q grows, so the
 * bound is the highest integer rate at which they all hold, found by bisection. With k = 1 and
 * uplinks that are multiples of the rate it equals the physical limit (less excused receivers);
 * with k = 8 and uplinks of 0.5, 1, 2 and 4 x 1200 kbps it stops at q = 200 (r = 1600), where
 * 600 kbps is exactly three copies: at q = 201 every 600 kbps peer loses a third of its slots.
 *
 * <p>Stateless; linear in the nodes per tested rate.
 */
public final class SlotLimit {
    private static final Set<Role> HELPERS = EnumSet.of(Role.CDN, Role.WAYPOINT);
    private static final String ROLE_PREFIX = "role:";
    private static final int SOURCE = 1;
    private static final int REGULAR = 2;
    private static final int NAMED_ROLE = 4;

    private final int k;
    /** Per sender: uplink kbps. */
    private final long[] uplink;
    /** Per sender: {@link #SOURCE}, {@link #REGULAR}, {@link #NAMED_ROLE} bits. */
    private final int[] kind;
    /** Per receiver that must be served: its downlink, kbps (unbounded when not stated). */
    private final long[] downlinks;

    private final long demand;
    private final long lightDemand;
    private final long restrictedDemand;
    private final long lightOrRestrictedDemand;

    private SlotLimit(SnapshotIndex index, int channel, Set<String> excused) {
        Channel spec = index.channel(channel);
        k = spec.substreams();
        Set<Role> named = EnumSet.noneOf(Role.class);
        int senders = 0;
        int receivers = 0;
        long light = 0;
        long restricted = 0;
        long either = 0;
        for (int i = 0; i < index.nodeCount(); i++) {
            Node node = index.node(i);
            if (sender(index, channel, i)) {
                senders++;
            }
            if (mustServe(index, channel, i, excused)) {
                receivers++;
                boolean roleOnly = roleOnly(node);
                if (roleOnly) {
                    node.accessList().forEach(e -> roleNamed(e).ifPresent(named::add));
                }
                light += node.isLightweight() ? 1 : 0;
                restricted += roleOnly ? 1 : 0;
                either += node.isLightweight() || roleOnly ? 1 : 0;
            }
        }
        uplink = new long[senders];
        kind = new int[senders];
        downlinks = new long[receivers];
        int s = 0;
        int r = 0;
        for (int i = 0; i < index.nodeCount(); i++) {
            Node node = index.node(i);
            if (sender(index, channel, i)) {
                uplink[s] = node.uplinkKbps();
                kind[s++] = (index.isSource(channel, i) ? SOURCE : 0)
                        | (node.isLightweight() ? 0 : REGULAR)
                        | (named.contains(node.role()) ? NAMED_ROLE : 0);
            }
            if (mustServe(index, channel, i, excused)) {
                downlinks[r++] = node.downlinkKbps().orElse(Long.MAX_VALUE);
            }
        }
        demand = (long) k * receivers;
        lightDemand = k * light;
        restrictedDemand = k * restricted;
        lightOrRestrictedDemand = k * either;
    }

    /**
     * The highest integer rate, kbps, in [0, ceiling] at which the conditions above hold for the
     * channel (0 when they hold at none; the ceiling when no receiver must be served).
     *
     * @param excused receivers (node ids) that need not be served, e.g. those unserved for
     *     rate-independent reasons
     * @param ceiling the highest rate worth testing, e.g. floor of the physical limit
     */
    public static long kbps(SnapshotIndex index, int channel, Set<String> excused, long ceiling) {
        SlotLimit limit = new SlotLimit(index, channel, excused);
        if (limit.demand == 0 || ceiling <= 0) {
            return Math.max(0, ceiling);
        }
        long lo = 0;
        long hi = ceiling + 1;
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (limit.holds(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether every condition holds at the given channel rate. */
    boolean holds(long rateKbps) {
        long q = (rateKbps + k - 1) / k;
        for (long down : downlinks) {
            if (down < k * q) {
                return false;
            }
        }
        long all = 0;
        long sources = 0;
        long regular = 0;
        long namedRole = 0;
        long regularOrNamed = 0;
        for (int s = 0; s < uplink.length; s++) {
            long slots = uplink[s] / q;
            all += slots;
            sources += (kind[s] & SOURCE) != 0 ? slots : 0;
            regular += (kind[s] & REGULAR) != 0 ? slots : 0;
            namedRole += (kind[s] & NAMED_ROLE) != 0 ? slots : 0;
            regularOrNamed += (kind[s] & (REGULAR | NAMED_ROLE)) != 0 ? slots : 0;
        }
        return sources >= k
                && all >= demand
                && regular >= lightDemand
                && namedRole >= restrictedDemand
                && regularOrNamed >= lightOrRestrictedDemand;
    }

    private static boolean sender(SnapshotIndex index, int channel, int i) {
        Node node = index.node(i);
        return node.canRelay()
                && (index.isSource(channel, i) || index.wants(channel, i) || HELPERS.contains(node.role()));
    }

    private static boolean mustServe(SnapshotIndex index, int channel, int i, Set<String> excused) {
        return index.wants(channel, i)
                && !index.isSource(channel, i)
                && !excused.contains(index.node(i).id());
    }

    /** Whether a node receives only from roles: an access list without any node id. */
    private static boolean roleOnly(Node node) {
        return node.has(Limit.ACCESS_LIST) && node.accessList().stream().allMatch(e -> e.startsWith(ROLE_PREFIX));
    }

    /** The role an access-list entry names (empty for a node id or an unknown role). */
    private static Optional<Role> roleNamed(String entry) {
        if (!entry.startsWith(ROLE_PREFIX)) {
            return Optional.empty();
        }
        String code = entry.substring(ROLE_PREFIX.length());
        return Arrays.stream(Role.values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
