package dev.canopy.model.policytest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canopy.model.Lists;
import java.util.List;
import java.util.Optional;

/**
 * A policy test file ({@code canopy/policy-test@1}): cases that plan a snapshot under a policy
 * file and state what the plan must show. It sits next to the policy file it tests (by default
 * the sibling {@code policy.yaml}); {@code docs/policy-tests.md} describes the format.
 *
 * @param policies the policy file, relative to this file (default {@code policy.yaml})
 * @param cases in file order
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record PolicyTestFile(String format, Optional<String> policies, List<TestCase> cases) {

    /** The format tag of this version. */
    public static final String FORMAT = "canopy/policy-test@1";

    /** The policy file a test file names when it names none. */
    public static final String DEFAULT_POLICIES = "policy.yaml";

    public PolicyTestFile {
        format = format == null ? FORMAT : format;
        policies = Lists.opt(policies);
        cases = Lists.of(cases);
    }

    /** The policy file's path relative to the test file. */
    public String policiesPath() {
        return policies.orElse(DEFAULT_POLICIES);
    }
}
