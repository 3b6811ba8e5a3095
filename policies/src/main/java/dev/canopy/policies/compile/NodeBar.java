package dev.canopy.policies.compile;

/** A policy that keeps nodes from receiving channels at all (geo-ban, deny). */
interface NodeBar extends Unit {
    boolean bars(int node, int channel);
}
