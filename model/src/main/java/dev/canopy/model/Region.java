package dev.canopy.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A group of nodes sharing a network boundary (AS, ISP, enterprise, country, continent).
 * Regions form a forest through {@code parent}; routing treats a region without links of
 * its own as joined to its nearest linked ancestor.
 *
 * @param country ISO 3166-1 alpha-2 code inherited by nodes of the region that name none
 */
public record Region(
        String id,
        RegionKind kind,
        Optional<String> parent,
        OptionalLong asn,
        Optional<String> country,
        Optional<Technology> technology) {

    public Region {
        Objects.requireNonNull(id, "id");
        kind = kind == null ? RegionKind.OTHER : kind;
        parent = Lists.opt(parent);
        asn = asn == null ? OptionalLong.empty() : asn;
        country = Lists.opt(country);
        technology = Lists.opt(technology);
    }

    /** A region of the given kind with no other attributes. */
    public static Region of(String id, RegionKind kind, String parent) {
        return new Region(
                id, kind, Optional.ofNullable(parent), OptionalLong.empty(), Optional.empty(), Optional.empty());
    }
}
