package dev.canopy.model.policy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.canopy.model.Lists;
import dev.canopy.model.Tier;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The kind-specific parameters of a policy (section 2 of the formats). Absent channel or node
 * selectors select everything. What each kind means is the policy compiler's business; these
 * records only hold what the file says.
 */
public sealed interface PolicyParams
        permits PolicyParams.LinkCap,
                PolicyParams.RegionCap,
                PolicyParams.GeoBan,
                PolicyParams.Deny,
                PolicyParams.Affinity,
                PolicyParams.ServeWindow,
                PolicyParams.Pairing,
                PolicyParams.Priority,
                PolicyParams.SourcePreference,
                PolicyParams.LinkPreference,
                PolicyParams.SingleIngress,
                PolicyParams.DualIngress,
                PolicyParams.DelayedFeed,
                PolicyParams.MaxDepth,
                PolicyParams.Redundancy {

    /** Which direction of a link a cap applies to. */
    enum Direction {
        @JsonProperty("a-to-b")
        A_TO_B,
        @JsonProperty("b-to-a")
        B_TO_A,
        @JsonProperty("both")
        BOTH
    }

    /** Which traffic of a region a cap applies to. */
    enum Flow {
        @JsonProperty("ingress")
        INGRESS,
        @JsonProperty("egress")
        EGRESS,
        @JsonProperty("internal")
        INTERNAL
    }

    /** Whether members give their uplink to members first or only. */
    enum AffinityMode {
        @JsonProperty("prefer")
        PREFER,
        @JsonProperty("only")
        ONLY
    }

    /** Whose uplink to favour as a source. */
    enum SourceKind {
        @JsonProperty("peers")
        PEERS,
        @JsonProperty("servers")
        SERVERS
    }

    private static ChannelSelector all(ChannelSelector channels) {
        return channels == null ? ChannelSelector.ALL : channels;
    }

    private static NodeSelector all(NodeSelector nodes) {
        return nodes == null ? NodeSelector.ALL : nodes;
    }

    /** Plan traffic of the selected channels on a link, plus its outside load, stays within maxKbps. */
    record LinkCap(String link, Direction direction, ChannelSelector channels, long maxKbps) implements PolicyParams {
        public LinkCap {
            Objects.requireNonNull(link, "link");
            direction = direction == null ? Direction.BOTH : direction;
            channels = all(channels);
        }
    }

    /** Aggregate traffic into, out of, or inside a region stays within maxKbps. */
    record RegionCap(String region, Flow flow, ChannelSelector channels, long maxKbps) implements PolicyParams {
        public RegionCap {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(flow, "flow");
            channels = all(channels);
        }
    }

    /** The selected channels are never delivered to nodes in the countries (or selected nodes). */
    record GeoBan(
            ChannelSelector channels,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> countries,
            Optional<NodeSelector> nodes)
            implements PolicyParams {
        public GeoBan {
            channels = all(channels);
            countries = Lists.of(countries);
            nodes = Lists.opt(nodes);
        }
    }

    /** The selected nodes never receive the selected channels. */
    record Deny(ChannelSelector channels, NodeSelector nodes, Optional<String> reason) implements PolicyParams {
        public Deny {
            channels = all(channels);
            nodes = all(nodes);
            reason = Lists.opt(reason);
        }
    }

    /** Members of a group give their uplink to members first, or only, optionally within hours. */
    record Affinity(String group, AffinityMode mode, Optional<Hours> hours, Optional<String> tz)
            implements PolicyParams {
        public Affinity {
            Objects.requireNonNull(group, "group");
            mode = mode == null ? AffinityMode.PREFER : mode;
            hours = Lists.opt(hours);
            tz = Lists.opt(tz);
        }
    }

    /** The selected nodes act as parents only within hours, using at most a share of their uplink. */
    record ServeWindow(NodeSelector nodes, Optional<Hours> hours, Double maxUplinkShare, Optional<String> tz)
            implements PolicyParams {
        public ServeWindow {
            nodes = all(nodes);
            hours = Lists.opt(hours);
            maxUplinkShare = maxUplinkShare == null ? 1.0 : maxUplinkShare;
            tz = Lists.opt(tz);
        }
    }

    /** The selected nodes exchange content only with partners matching the rule. */
    record Pairing(NodeSelector nodes, PairingRule only) implements PolicyParams {
        public Pairing {
            nodes = all(nodes);
            Objects.requireNonNull(only, "only");
        }
    }

    /** Higher tiers are served first and get better parents; with preempt they may displace lower ones. */
    record Priority(List<Tier> order, boolean preempt) implements PolicyParams {
        public Priority {
            order = order == null || order.isEmpty()
                    ? List.of(Tier.PREMIUM, Tier.STANDARD, Tier.FREE)
                    : List.copyOf(order);
        }
    }

    /** A link and the month-to-date volume up to which servers are preferred. */
    record Quota(String link, double maxMonthGb) {
        public Quota {
            Objects.requireNonNull(link, "link");
        }
    }

    /** Minimise server uplink, or prefer it; with a quota, servers until the link's quota is reached. */
    record SourcePreference(SourceKind prefer, Optional<Quota> quota) implements PolicyParams {
        public SourcePreference {
            Objects.requireNonNull(prefer, "prefer");
            quota = Lists.opt(quota);
        }
    }

    /** Steer traffic onto preferred links (ids or kinds), falling back to the others when full. */
    record LinkPreference(
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> prefer,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> over)
            implements PolicyParams {
        public LinkPreference {
            prefer = Lists.of(prefer);
            over = Lists.of(over);
        }
    }

    /** One copy of each substream enters an enterprise (or the selected nodes); the rest is relayed inside. */
    record SingleIngress(Optional<String> enterprise, Optional<NodeSelector> nodes, ChannelSelector channels)
            implements PolicyParams {
        public SingleIngress {
            enterprise = Lists.opt(enterprise);
            nodes = Lists.opt(nodes);
            channels = all(channels);
        }
    }

    /** Two complete copies enter an enterprise, over different upstream links when distinctLinks. */
    record DualIngress(String enterprise, ChannelSelector channels, Boolean distinctLinks) implements PolicyParams {
        public DualIngress {
            Objects.requireNonNull(enterprise, "enterprise");
            channels = all(channels);
            distinctLinks = distinctLinks == null ? Boolean.TRUE : distinctLinks;
        }
    }

    /** Those tiers get the channels delayed; a delayed node never feeds an undelayed one. */
    record DelayedFeed(
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Tier> tiers,
            ChannelSelector channels,
            long delaySec)
            implements PolicyParams {
        public DelayedFeed {
            tiers = Lists.of(tiers);
            channels = all(channels);
        }
    }

    /** A hop bound for the selected nodes on the selected channels. */
    record MaxDepth(ChannelSelector channels, NodeSelector nodes, int depth) implements PolicyParams {
        public MaxDepth {
            channels = all(channels);
            nodes = all(nodes);
        }
    }

    /** Erasure-coding parity for the selected regions overrides the channel's. */
    record Redundancy(
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> regions,
            ChannelSelector channels,
            int parity)
            implements PolicyParams {
        public Redundancy {
            regions = Lists.of(regions);
            channels = all(channels);
        }
    }
}
