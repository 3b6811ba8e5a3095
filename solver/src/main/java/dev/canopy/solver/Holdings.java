package dev.canopy.solver;

import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.UnservedReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Who holds each substream of one channel while a strategy grows its trees, and what follows
 * from that for a node that cannot be served: the reason it is listed unserved (its access list
 * allows no holder, no holder may be paired with it, or capacity) and, for a node whose access
 * list keeps it from ordinary peers, the few nodes it may take a substream from. Shared by the
 * strategies so that they all give the same reasons for the same situation.
 *
 * <p>Substreams are numbered 0 .. k+n-1 and nodes by their index number. A holder's depth is the
 * number of hops from a source at which it got the substream (0 for a source). Not thread-safe:
 * one per channel of one planning call.
 */
public final class Holdings {
    private final SnapshotIndex index;
    private final int substreams;
    private final boolean[][] holds;
    private final int[][] depth;
    private final int[] regularHolders;
    private final int[][] holdersByRole;
    private final List<List<Integer>> servers = new ArrayList<>();

    /** Empty holdings for a channel of {@code substreams} (k+n) substreams. */
    public Holdings(SnapshotIndex index, int substreams) {
        this.index = index;
        this.substreams = substreams;
        this.holds = new boolean[substreams][index.nodeCount()];
        this.depth = new int[substreams][index.nodeCount()];
        this.regularHolders = new int[substreams];
        this.holdersByRole = new int[substreams][Role.values().length];
        for (int s = 0; s < substreams; s++) {
            servers.add(new ArrayList<>());
        }
    }

    /** Records that a node holds a substream {@code hops} from a source; false if it already did. */
    public boolean add(int substream, int node, int hops) {
        if (holds[substream][node]) {
            return false;
        }
        holds[substream][node] = true;
        depth[substream][node] = hops;
        Node n = index.node(node);
        if (n.canRelay()) {
            holdersByRole[substream][n.role().ordinal()]++;
            if (!n.isLightweight()) {
                regularHolders[substream]++;
            }
            if (n.role().isServer()) {
                servers.get(substream).add(node);
            }
        }
        return true;
    }

    /** Forgets that a node holds a substream (a join that is taken back). */
    public void remove(int substream, int node) {
        if (!holds[substream][node]) {
            return;
        }
        holds[substream][node] = false;
        Node n = index.node(node);
        if (n.canRelay()) {
            holdersByRole[substream][n.role().ordinal()]--;
            if (!n.isLightweight()) {
                regularHolders[substream]--;
            }
            if (n.role().isServer()) {
                servers.get(substream).remove(Integer.valueOf(node));
            }
        }
    }

    /** Whether the node holds the substream. */
    public boolean holds(int substream, int node) {
        return holds[substream][node];
    }

    /** Hops from a source at which a holder got the substream, as recorded by {@link #add}. */
    public int depth(int substream, int node) {
        return depth[substream][node];
    }

    /** Whether any regular node that may relay holds the substream. */
    public boolean anyRegular(int substream) {
        return regularHolders[substream] > 0;
    }

    /** How many relaying holders of the substream have the role. */
    public int withRole(int substream, Role role) {
        return holdersByRole[substream][role.ordinal()];
    }

    /** Server holders (origin, CDN, waypoint) of a substream that may relay, in the order they came. */
    public List<Integer> servers(int substream) {
        return servers.get(substream);
    }

    /**
     * Whether a node's access list keeps it from taking ordinary peers as parents: it lists no
     * {@code role:peer}, so only servers and the peers it names can feed it.
     */
    public static boolean restricted(Node node) {
        return node.has(Limit.ACCESS_LIST) && !node.accessList().contains("role:" + Role.PEER.code());
    }

    /**
     * The nodes a {@link #restricted} child may take a substream from, before any check: the
     * relaying servers that hold it, then the nodes its access list names (which may not hold
     * it, nor be allowed by the other lightweight rules; the caller checks).
     */
    public List<Integer> accessCandidates(int substream, Node child) {
        List<Integer> candidates = new ArrayList<>(servers.get(substream));
        for (String entry : child.accessList()) {
            index.nodeIndex(entry).ifPresent(candidates::add);
        }
        return candidates;
    }

    /**
     * Why a node got fewer than k substreams: {@code access-list} when its access list allows no
     * holder of any substream, {@code no-compatible-source} when the lightweight rules pair it
     * with no holder, else {@code capacity} (compatible holders exist but had no room).
     */
    public UnservedReason reason(Node child) {
        boolean compatibleExists = false;
        for (int s = 0; s < substreams && !compatibleExists; s++) {
            if (child.has(Limit.ACCESS_LIST)) {
                compatibleExists = allowedHolder(s, child);
            } else if (child.isLightweight()) {
                compatibleExists = anyRegular(s);
            } else {
                compatibleExists = true;
            }
        }
        if (compatibleExists) {
            return UnservedReason.CAPACITY;
        }
        return child.has(Limit.ACCESS_LIST) ? UnservedReason.ACCESS_LIST : UnservedReason.NO_COMPATIBLE_SOURCE;
    }

    private boolean allowedHolder(int substream, Node child) {
        for (String entry : child.accessList()) {
            if (entry.startsWith("role:")) {
                for (Role role : Role.values()) {
                    if (entry.equals("role:" + role.code()) && withRole(substream, role) > 0) {
                        return true;
                    }
                }
            } else {
                var id = index.nodeIndex(entry);
                if (id.isPresent()
                        && holds(substream, id.getAsInt())
                        && Pairing.canPair(index.node(id.getAsInt()), child)) {
                    return true;
                }
            }
        }
        return false;
    }
}
