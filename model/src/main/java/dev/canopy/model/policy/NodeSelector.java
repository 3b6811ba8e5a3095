package dev.canopy.model.policy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.canopy.model.Device;
import dev.canopy.model.Lists;
import dev.canopy.model.Nat;
import dev.canopy.model.NodeType;
import dev.canopy.model.Role;
import dev.canopy.model.Tier;
import java.util.List;

/**
 * Selects nodes by attributes: every field given must match; an absent (empty) field matches
 * everything, so the empty selector selects all nodes. {@code regions} selects everything
 * under a region; {@code ipPrefixes} are CIDR prefixes matched against the node's {@code ip}.
 * A single value is accepted where a list is expected.
 */
public record NodeSelector(
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> ids,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Role> roles,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> regions,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> countries,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Tier> tiers,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<NodeType> types,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> groups,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> enterprises,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Device> devices,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Nat> nat,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> ipPrefixes) {

    /** The selector that selects every node. */
    public static final NodeSelector ALL =
            new NodeSelector(null, null, null, null, null, null, null, null, null, null, null);

    public NodeSelector {
        ids = Lists.of(ids);
        roles = Lists.of(roles);
        regions = Lists.of(regions);
        countries = Lists.of(countries);
        tiers = Lists.of(tiers);
        types = Lists.of(types);
        groups = Lists.of(groups);
        enterprises = Lists.of(enterprises);
        devices = Lists.of(devices);
        nat = Lists.of(nat);
        ipPrefixes = Lists.of(ipPrefixes);
    }

    /** Whether no field is given, so that every node matches. */
    @JsonIgnore
    public boolean isAll() {
        return equals(ALL);
    }

    /** Selects the given node ids. */
    public static NodeSelector ids(String... ids) {
        return new NodeSelector(List.of(ids), null, null, null, null, null, null, null, null, null, null);
    }
}
