package dev.canopy.policies.verify;

import java.util.OptionalLong;

/**
 * Traffic on one link, per direction: the plan's own and the outside load.
 *
 * @param utilisation the busier direction's (plan + outside) / capacity; 0 when unbounded
 */
public record LinkLoad(
        String link, long aToBKbps, long bToAKbps, long outsideKbps, OptionalLong capacityKbps, double utilisation) {}
