package dev.canopy.policies.compile;

import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;

/** Compiles one policy record into the unit of its kind. */
final class Kinds {
    private Kinds() {}

    static Unit compile(Policy policy, Compilation context) {
        PolicyParams params = policy.params();
        if (params instanceof PolicyParams.LinkCap p) {
            return new LinkCapRule(policy, p, context);
        }
        if (params instanceof PolicyParams.RegionCap p) {
            return new RegionCapRule(policy, p, context);
        }
        if (params instanceof PolicyParams.GeoBan p) {
            return new GeoBanRule(policy, p, context);
        }
        if (params instanceof PolicyParams.Deny p) {
            return new DenyRule(policy, p, context);
        }
        if (params instanceof PolicyParams.Affinity p) {
            AffinityRule rule = new AffinityRule(policy, p, context);
            return p.mode() == PolicyParams.AffinityMode.PREFER ? Preference.against(rule) : rule;
        }
        if (params instanceof PolicyParams.ServeWindow p) {
            return new ServeWindowRule(policy, p, context);
        }
        if (params instanceof PolicyParams.Pairing p) {
            return new PairingFilter(policy, p, context);
        }
        if (params instanceof PolicyParams.Priority p) {
            return new PriorityRule(policy, p);
        }
        if (params instanceof PolicyParams.SourcePreference p) {
            return new SourcePreferenceRule(policy, p, context);
        }
        if (params instanceof PolicyParams.LinkPreference p) {
            return new LinkPreferenceRule(policy, p, context);
        }
        if (params instanceof PolicyParams.SingleIngress p) {
            return IngressRule.single(policy, p, context);
        }
        if (params instanceof PolicyParams.DualIngress p) {
            return IngressRule.dual(policy, p, context);
        }
        if (params instanceof PolicyParams.DelayedFeed p) {
            return new DelayedFeedRule(policy, p, context);
        }
        if (params instanceof PolicyParams.MaxDepth p) {
            return new MaxDepthRule(policy, p, context);
        }
        if (params instanceof PolicyParams.Redundancy p) {
            return new RedundancyRule(policy, p, context);
        }
        throw new IllegalStateException(
                "no compiler for policy kind " + policy.kind().code());
    }
}
