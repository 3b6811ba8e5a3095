package dev.canopy.policies.compile;

/** A policy that forbids single (parent, child, channel) edges, whatever else the plan holds. */
interface EdgeFilter extends Unit {
    boolean forbids(int parent, int child, int channel);
}
