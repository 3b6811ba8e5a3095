package dev.canopy.policies.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The results of a policy test run, in the order the cases ran, with the three ways to print
 * them ({@link ReportFormat}).
 */
public record PolicyTestReport(List<CaseResult> cases) {
    public PolicyTestReport {
        cases = List.copyOf(cases);
    }

    /** Cases whose expectations all held. */
    @JsonProperty("passed")
    public long passed() {
        return cases.stream().filter(CaseResult::passed).count();
    }

    /** Cases that failed or could not run. */
    @JsonProperty("failed")
    public long failed() {
        return cases.size() - passed();
    }

    /** Whether every case passed (true for no case at all). */
    public boolean allPassed() {
        return failed() == 0;
    }
}
