package dev.canopy.policies.compile;

import dev.canopy.model.policy.Policy;
import java.util.Objects;

/**
 * How copies of a channel may enter a firewall domain (single-ingress or dual-ingress): the
 * domain's members, how many copies of each substream enter from outside (1 or 2), and whether
 * two copies must arrive over different upstream links. An edge enters the domain when its
 * parent is outside and its child inside; the upstream link of such an edge is the last link on
 * its route. Strategies relay inside the domain from the nodes the copies reach.
 */
public record Ingress(Policy policy, NodeMatcher members, int copies, boolean distinctLinks) {
    public Ingress {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(members, "members");
    }

    /** Whether an edge from parent to child enters the domain. */
    public boolean enters(int parent, int child) {
        return members.matches(child) && !members.matches(parent);
    }
}
