package dev.canopy.model.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canopy.model.Lists;
import java.util.List;

/** An operator's policy file ({@code canopy/policies@1}): policies in file order. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record PolicyDocument(String format, List<Policy> policies) {

    /** The format tag of this version. */
    public static final String FORMAT = "canopy/policies@1";

    /** The document with no policies. */
    public static final PolicyDocument EMPTY = new PolicyDocument(FORMAT, List.of());

    public PolicyDocument {
        format = format == null ? FORMAT : format;
        policies = Lists.of(policies);
    }
}
