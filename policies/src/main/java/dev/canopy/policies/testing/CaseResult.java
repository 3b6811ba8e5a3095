package dev.canopy.policies.testing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * How one policy test case went.
 *
 * @param id the case's {@code folder/case}
 * @param file the test file, as a path string
 * @param outcome passed, failed (an expectation did not hold) or error (the case could not run)
 * @param messages for a failure, one sentence per expectation that did not hold ("expected ...,
 *     got ..."), in file order; for an error, what went wrong; empty when passed
 * @param violations what the verifier found wrong with the plan under the case's policies, each
 *     as {@code rule: message}, whether or not the case expects it to verify; empty on error
 */
public record CaseResult(String id, String file, Outcome outcome, List<String> messages, List<String> violations) {

    /** The three ways a case can end. */
    public enum Outcome {
        @JsonProperty("ok")
        OK,
        @JsonProperty("fail")
        FAIL,
        @JsonProperty("error")
        ERROR
    }

    public CaseResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(outcome, "outcome");
        messages = List.copyOf(messages);
        violations = List.copyOf(violations);
    }

    /** Whether every expectation held. */
    @JsonIgnore
    public boolean passed() {
        return outcome == Outcome.OK;
    }

    /** The case's name (the id after the folder). */
    @JsonIgnore
    public String name() {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /** The id's folder part. */
    @JsonIgnore
    public String folder() {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? "" : id.substring(0, slash);
    }
}
