package dev.canopy.solver;

/**
 * The policy passes every strategy runs over its finished plan, in this order: dual-ingress
 * domains that got one copy where two are required are settled ({@link IngressShortfall#settle}:
 * relaxed, or cut and closed), then unserved higher-tier nodes displace lower-tier leaves
 * ({@link Preemption}). Settling first lets preemption work on a plan whose domains are final
 * (the gate keeps a cut domain closed). Without policies nothing is done. Stateless.
 */
public final class FinishingPasses {
    private FinishingPasses() {}

    /**
     * Runs the passes over the plan, reserving through the call's gate.
     *
     * @return how many nodes preemption displaced
     */
    public static int apply(PolicyGate gate, PlanAssembler plan) {
        if (!gate.active()) {
            return 0;
        }
        IngressShortfall.settle(gate, plan);
        return Preemption.apply(gate, plan);
    }
}
