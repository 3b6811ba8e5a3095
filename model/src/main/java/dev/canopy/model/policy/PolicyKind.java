package dev.canopy.model.policy;

import java.util.Arrays;
import java.util.Optional;

/** The policy kinds of section 2 of the formats, each with the record its parameters bind to. */
public enum PolicyKind {
    LINK_CAP("link-cap", PolicyParams.LinkCap.class),
    REGION_CAP("region-cap", PolicyParams.RegionCap.class),
    GEO_BAN("geo-ban", PolicyParams.GeoBan.class),
    DENY("deny", PolicyParams.Deny.class),
    AFFINITY("affinity", PolicyParams.Affinity.class),
    SERVE_WINDOW("serve-window", PolicyParams.ServeWindow.class),
    PAIRING("pairing", PolicyParams.Pairing.class),
    PRIORITY("priority", PolicyParams.Priority.class),
    SOURCE_PREFERENCE("source-preference", PolicyParams.SourcePreference.class),
    LINK_PREFERENCE("link-preference", PolicyParams.LinkPreference.class),
    SINGLE_INGRESS("single-ingress", PolicyParams.SingleIngress.class),
    DUAL_INGRESS("dual-ingress", PolicyParams.DualIngress.class),
    DELAYED_FEED("delayed-feed", PolicyParams.DelayedFeed.class),
    MAX_DEPTH("max-depth", PolicyParams.MaxDepth.class),
    REDUNDANCY("redundancy", PolicyParams.Redundancy.class);

    private static final PolicyKind[] KINDS = values();

    private final String code;
    private final Class<? extends PolicyParams> params;

    PolicyKind(String code, Class<? extends PolicyParams> params) {
        this.code = code;
        this.params = params;
    }

    /** The name used in files. */
    public String code() {
        return code;
    }

    /** The record the kind's parameters bind to. */
    public Class<? extends PolicyParams> paramsType() {
        return params;
    }

    /** The kind with the given name. */
    public static Optional<PolicyKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** The kind whose parameters a record holds. */
    public static PolicyKind of(PolicyParams params) {
        for (PolicyKind kind : KINDS) {
            if (kind.params.isInstance(params)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no policy kind for " + params.getClass());
    }
}
