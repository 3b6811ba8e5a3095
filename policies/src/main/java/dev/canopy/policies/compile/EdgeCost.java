package dev.canopy.policies.compile;

/**
 * A preference: how much an edge goes against it, before the policy's weight (0 when it does
 * not). Preferences are costs whatever their {@code enforce}: the formats define them as what
 * to favour, never as what to forbid.
 */
interface EdgeCost extends Unit {
    double cost(int parent, int child, int channel);
}
