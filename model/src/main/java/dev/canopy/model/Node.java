package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A machine that takes part in distribution: an origin, CDN or waypoint server, or a peer.
 *
 * <p>Lightweight rules (always in force): a lightweight node with {@code no-relay} never has
 * children; one with {@code no-inbound} only takes part in edges it initiates; two
 * lightweight nodes are never paired; one with {@code access-list} receives only from the
 * nodes its {@code accessList} allows (node ids, or {@code role:<role>}). {@code limits} of a
 * regular node are ignored.
 *
 * @param uplinkKbps upload capacity available to the plan, shared by all channels
 * @param downlinkKbps download capacity; empty means unbounded
 * @param country ISO 3166-1 alpha-2; when empty, its region's (or an ancestor's) applies
 * @param uptime share of time online in its history, 0..1 (default 0.5)
 * @param lossRate historic loss rate when receiving, 0..1 (default 0)
 * @param ip an IPv4 or IPv6 address, for {@code ipPrefixes} selectors (an addition to the
 *     format)
 */
public record Node(
        String id,
        Role role,
        String region,
        long uplinkKbps,
        OptionalLong downlinkKbps,
        NodeType type,
        List<Limit> limits,
        List<String> accessList,
        Nat nat,
        Tier tier,
        List<String> groups,
        Optional<String> enterprise,
        Optional<String> country,
        Optional<Geo> geo,
        Optional<Device> device,
        Optional<String> owner,
        Double uptime,
        double lossRate,
        List<String> wants,
        Optional<String> ip) {

    /** Uptime assumed for a node with no history. */
    public static final double DEFAULT_UPTIME = 0.5;

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        role = role == null ? Role.PEER : role;
        downlinkKbps = downlinkKbps == null ? OptionalLong.empty() : downlinkKbps;
        type = type == null ? NodeType.REGULAR : type;
        limits = Lists.of(limits);
        accessList = Lists.of(accessList);
        nat = nat == null ? Nat.UNKNOWN : nat;
        uptime = uptime == null ? DEFAULT_UPTIME : uptime;
        tier = tier == null ? Tier.STANDARD : tier;
        groups = Lists.of(groups);
        enterprise = Lists.opt(enterprise);
        country = Lists.opt(country);
        geo = Lists.opt(geo);
        device = Lists.opt(device);
        owner = Lists.opt(owner);
        wants = Lists.of(wants);
        ip = Lists.opt(ip);
    }

    /** Whether the node is lightweight. */
    @JsonIgnore
    public boolean isLightweight() {
        return type == NodeType.LIGHTWEIGHT;
    }

    /** Whether a limit is in force: only lightweight nodes have limits. */
    public boolean has(Limit limit) {
        return type == NodeType.LIGHTWEIGHT && limits.contains(limit);
    }

    /** Whether the node may have children at all. */
    public boolean canRelay() {
        return !has(Limit.NO_RELAY);
    }

    /** A copy with another uplink. */
    public Node withUplinkKbps(long kbps) {
        return copy(kbps, downlinkKbps, wants);
    }

    /** A copy with another downlink (empty: unbounded). */
    public Node withDownlinkKbps(OptionalLong kbps) {
        return copy(uplinkKbps, kbps, wants);
    }

    /** A copy with another list of wanted channels. */
    public Node withWants(List<String> channels) {
        return copy(uplinkKbps, downlinkKbps, channels);
    }

    private Node copy(long uplink, OptionalLong downlink, List<String> channels) {
        return new Node(
                id,
                role,
                region,
                uplink,
                downlink,
                type,
                limits,
                accessList,
                nat,
                tier,
                groups,
                enterprise,
                country,
                geo,
                device,
                owner,
                uptime,
                lossRate,
                channels,
                ip);
    }

    /** Starts a node with the required fields; everything else takes the format's defaults. */
    public static Builder builder(String id, String region, long uplinkKbps) {
        return new Builder(id, region, uplinkKbps);
    }

    /** Builds nodes in code (tests, generators, data importers). */
    public static final class Builder {
        private final String id;
        private final String region;
        private final long uplinkKbps;
        private Role role = Role.PEER;
        private OptionalLong downlinkKbps = OptionalLong.empty();
        private NodeType type = NodeType.REGULAR;
        private List<Limit> limits = List.of();
        private List<String> accessList = List.of();
        private Nat nat = Nat.UNKNOWN;
        private Tier tier = Tier.STANDARD;
        private List<String> groups = List.of();
        private String enterprise;
        private String country;
        private Geo geo;
        private Device device;
        private String owner;
        private double uptime = DEFAULT_UPTIME;
        private double lossRate;
        private List<String> wants = List.of();
        private String ip;

        private Builder(String id, String region, long uplinkKbps) {
            this.id = id;
            this.region = region;
            this.uplinkKbps = uplinkKbps;
        }

        public Builder role(Role value) {
            role = value;
            return this;
        }

        public Builder downlinkKbps(long value) {
            downlinkKbps = OptionalLong.of(value);
            return this;
        }

        /** Makes the node lightweight with the given limits. */
        public Builder lightweight(Limit... values) {
            type = NodeType.LIGHTWEIGHT;
            limits = List.of(values);
            return this;
        }

        public Builder accessList(String... values) {
            accessList = List.of(values);
            return this;
        }

        public Builder nat(Nat value) {
            nat = value;
            return this;
        }

        public Builder tier(Tier value) {
            tier = value;
            return this;
        }

        public Builder groups(String... values) {
            groups = List.of(values);
            return this;
        }

        public Builder enterprise(String value) {
            enterprise = value;
            return this;
        }

        public Builder country(String value) {
            country = value;
            return this;
        }

        public Builder geo(double lat, double lon) {
            geo = new Geo(lat, lon);
            return this;
        }

        public Builder device(Device value) {
            device = value;
            return this;
        }

        public Builder owner(String value) {
            owner = value;
            return this;
        }

        public Builder uptime(double value) {
            uptime = value;
            return this;
        }

        public Builder lossRate(double value) {
            lossRate = value;
            return this;
        }

        public Builder wants(String... channels) {
            wants = List.of(channels);
            return this;
        }

        public Builder wants(List<String> channels) {
            wants = List.copyOf(channels);
            return this;
        }

        public Builder ip(String value) {
            ip = value;
            return this;
        }

        public Node build() {
            return new Node(
                    id,
                    role,
                    region,
                    uplinkKbps,
                    downlinkKbps,
                    type,
                    limits,
                    accessList,
                    nat,
                    tier,
                    groups,
                    Optional.ofNullable(enterprise),
                    Optional.ofNullable(country),
                    Optional.ofNullable(geo),
                    Optional.ofNullable(device),
                    Optional.ofNullable(owner),
                    uptime,
                    lossRate,
                    wants,
                    Optional.ofNullable(ip));
        }
    }
}
