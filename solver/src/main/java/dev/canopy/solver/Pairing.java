package dev.canopy.solver;

import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.plan.Initiator;
import java.util.List;

/**
 * The lightweight rules as the strategies apply them (seeds 001 and 003): a node with
 * no-relay never sends; two lightweight nodes are never paired; a node with an access list
 * receives only from nodes it lists (by id or {@code role:<role>}); and a lightweight end of
 * an edge opens the connection itself, while two regular ends both try.
 */
public final class Pairing {
    /** How an access-list entry names a role. */
    private static final String ROLE = "role:";

    private Pairing() {}

    /** Whether {@code parent} may send to {@code child} under the lightweight rules. */
    public static boolean canPair(Node parent, Node child) {
        return parent.canRelay()
                && !(parent.isLightweight() && child.isLightweight())
                && (!child.has(Limit.ACCESS_LIST) || allows(child, parent));
    }

    /** Whether a receiver's access list names the sender (by id or by role). */
    public static boolean allows(Node receiver, Node sender) {
        String role = sender.role().code();
        List<String> entries = receiver.accessList();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            if (entry.equals(sender.id())
                    || (entry.length() == ROLE.length() + role.length()
                            && entry.startsWith(ROLE)
                            && entry.endsWith(role))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Who opens the connection: the lightweight end when there is one (it may accept no inbound
     * connection, and the seeds have only the lightweight client initiate), else both ends.
     */
    public static Initiator initiator(Node parent, Node child) {
        return initiator(parent.isLightweight(), child.isLightweight());
    }

    /** {@link #initiator(Node, Node)} from whether each end is lightweight. */
    public static Initiator initiator(boolean lightweightParent, boolean lightweightChild) {
        if (lightweightChild) {
            return Initiator.CHILD;
        }
        if (lightweightParent) {
            return Initiator.PARENT;
        }
        return Initiator.BOTH;
    }
}
