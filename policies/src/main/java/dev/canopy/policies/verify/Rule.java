package dev.canopy.policies.verify;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.canopy.model.policy.PolicyKind;
import java.util.Locale;
import java.util.Optional;

/**
 * The hard rules of the formats that the verifier checks on a plan, one code per rule, and one
 * per kind of hard operator policy that a plan can break.
 */
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
    /** A hard link-cap policy is broken: too much of its channels' traffic on a link direction. */
    LINK_CAP,
    /** A hard region-cap policy is broken: too much traffic into, out of or inside a region. */
    REGION_CAP,
    /** A node receives a channel a geo-ban keeps from its country, or an unserved entry misstates one. */
    GEO_BAN,
    /** A node receives a channel a deny policy keeps from it, or an unserved entry misstates one. */
    DENY,
    /** A member of an affinity group in mode only sends to a non-member while the policy is in force. */
    AFFINITY,
    /** A node sends outside its serve-window's hours, or more than its uplink share. */
    SERVE_WINDOW,
    /** A paired node exchanges content with a node that is not its partner. */
    PAIRING,
    /** With preemption, a higher-tier node is left unserved for capacity while a lower-tier leaf nearby is served. */
    PRIORITY,
    /** More than one copy of a substream enters a single-ingress domain. */
    SINGLE_INGRESS,
    /** A dual-ingress domain does not get two copies of a substream over distinct upstream links. */
    DUAL_INGRESS,
    /** A delayed node feeds a less delayed one. */
    DELAYED_FEED,
    /** A node is more hops from a source than a hard max-depth policy allows. */
    POLICY_MAX_DEPTH,
    /** A served node of a redundancy region receives fewer than k + parity substreams. */
    REDUNDANCY,
    /**
     * An unserved or relaxed entry names a policy that does not exist, or one that cannot be set
     * aside (not hard and relaxable), or an unserved reason that needs a policy names none.
     */
    POLICY;

    /** The rule a hard policy of a kind is checked under; empty for preferences, which are never violated. */
    public static Optional<Rule> of(PolicyKind kind) {
        return Optional.ofNullable(
                switch (kind) {
                    case LINK_CAP -> LINK_CAP;
                    case REGION_CAP -> REGION_CAP;
                    case GEO_BAN -> GEO_BAN;
                    case DENY -> DENY;
                    case AFFINITY -> AFFINITY;
                    case SERVE_WINDOW -> SERVE_WINDOW;
                    case PAIRING -> PAIRING;
                    case PRIORITY -> PRIORITY;
                    case SINGLE_INGRESS -> SINGLE_INGRESS;
                    case DUAL_INGRESS -> DUAL_INGRESS;
                    case DELAYED_FEED -> DELAYED_FEED;
                    case MAX_DEPTH -> POLICY_MAX_DEPTH;
                    case REDUNDANCY -> REDUNDANCY;
                    case SOURCE_PREFERENCE, LINK_PREFERENCE -> null;
                });
    }

    /** The code used in reports, e.g. {@code two-parents}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
