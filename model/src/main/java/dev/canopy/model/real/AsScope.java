package dev.canopy.model.real;

import java.util.Arrays;
import java.util.Locale;

/** Which ASes of the CAIDA graph an {@link AsGraphSnapshots} snapshot keeps. */
public enum AsScope {
    /**
     * The ASes holding nodes and every AS above them over provider links (their transit
     * ancestry up to the tier-1 clique), with every relationship among those ASes.
     */
    PROVIDER_CLOSURE,
    /** All ASes and all relationships of the file (77k ASes, about 500k links). */
    FULL;

    /** The name used on the command line: {@code provider-closure} or {@code full}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The scope with the given code (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known codes when there is none
     */
    public static AsScope fromCode(String code) {
        for (AsScope scope : values()) {
            if (scope.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown AS scope \"" + code + "\": expected one of "
                + Arrays.stream(values()).map(AsScope::code).toList());
    }
}
