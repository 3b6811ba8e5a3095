package dev.canopy.policies.verify;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The hard rules of the formats that the verifier checks on a plan, one code per rule. */
public enum Rule {
    /** The plan names another snapshot. */
    SNAPSHOT_MISMATCH,
    /** An overlay names a channel the snapshot does not have. */
    UNKNOWN_CHANNEL,
    /** An edge or list entry names a node the snapshot does not have. */
    UNKNOWN_NODE,
    /** A tree overlay's substream is outside 0 .. k+n-1. */
    BAD_SUBSTREAM,
    /** A child has two parents for the same substream. */
    TWO_PARENTS,
    /** Tree edges form a cycle. */
    CYCLE,
    /** A node sends a substream it does not itself receive (a tree root that is not a source). */
    PARENT_NOT_SERVED,
    /** A channel's source receives its own channel over an edge. */
    SOURCE_HAS_PARENT,
    /** An edge carries less than its substream's (or channel's, or club's) rate. */
    EDGE_RATE,
    /** A node sends more than its uplink. */
    UPLINK,
    /** A node receives more than its downlink. */
    DOWNLINK,
    /** Plan traffic plus outside load exceeds a link's capacity in one direction. */
    LINK_CAPACITY,
    /** A lightweight node with no-relay has children. */
    NO_RELAY,
    /** A lightweight node with no-inbound takes part in an edge it does not initiate alone. */
    NO_INBOUND,
    /** Two lightweight nodes are paired. */
    LIGHTWEIGHT_PAIR,
    /** A node with an access list receives from a node the list does not allow. */
    ACCESS_LIST,
    /** A node more hops from a source than the channel's maxDepth. */
    MAX_DEPTH,
    /** A wanted (node, channel) is neither served nor listed unserved. */
    NOT_ACCOUNTED,
    /** A (node, channel) listed unserved is in fact served. */
    UNSERVED_BUT_SERVED,
    /** An unserved entry's count or reason disagrees with what the node receives. */
    UNSERVED_MISMATCH,
    /** An unserved entry for a node that does not want the channel. */
    UNSERVED_NOT_WANTED,
    /** A hard operator policy is broken. */
    POLICY;

    /** The code used in reports, e.g. {@code two-parents}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
