package dev.canopy.solver.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryMarkdownTest {
    private static final Machine MACHINE =
            new Machine(2, 4L << 30, "Acme 17.0.1 (Test VM)", "Linux 6.1 amd64", Instant.parse("2026-11-23T10:15:00Z"));

    private static List<RunResult> rows() {
        List<RunResult> greedy = List.of(
                Rows.row("four-tier", 1000, 1, "greedy", 0.90, 0.10),
                Rows.row("four-tier", 1000, 2, "greedy", 0.80, 0.20),
                Rows.row("four-tier", 1000, 3, "greedy", 0.95, 0.30));
        List<RunResult> random = List.of(
                Rows.row("four-tier", 1000, 1, "random", 0.50, 0.40),
                Rows.row("four-tier", 1000, 2, "random", 0.60, 0.40),
                Rows.row("four-tier", 1000, 3, "random", 0.55, 0.40));
        RunResult big = Rows.row("four-tier", 100_000, 1, "greedy", Double.NaN, 0.05);
        RunResult critical = Rows.row("critical", 1000, 1, "greedy", 0.7, 0.5);
        // Run order: as BenchRunner gives them, ratios filled per instance.
        List<RunResult> all = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            all.addAll(BenchRunner.withRandomRatios(List.of(greedy.get(s), random.get(s))));
        }
        all.add(critical);
        all.add(big);
        return all;
    }

    @Test
    void oneRowOfMediansPerFamilySizeAndStrategyInOrder() {
        List<String> table = SummaryMarkdown.table(rows()).lines().toList();

        assertThat(table.get(0)).isEqualTo(SummaryMarkdown.TABLE_HEADER);
        assertThat(table).hasSize(2 + 4);
        assertThat(table.get(2))
                .startsWith(
                        "| four-tier | 1,000 | 8 | 0 | greedy | 3 | 0.900 | 0.938 | 100.0 % | 5.0 % | 90.0 % | 20.0 % (0.50x) |")
                .contains("| 12 / 4.0 (11; d 2.0) | 20 | 3 | 99.0 / 95.0 / 90.0 | 100.0 / 98.0 / 96.0 | 0 |");
        assertThat(table.get(3))
                .startsWith("| four-tier | 1,000 | 8 | 0 | random | 3 | 0.550 |")
                .contains("40.0 % (1.00x)");
        assertThat(table.get(4)).startsWith("| four-tier | 100,000 | 8 | 0 | greedy | 1 | - |");
        assertThat(table.get(5)).startsWith("| critical | 1,000 |");
    }

    @Test
    void theReportStartsWithTheCommandAndMachineAndListsViolations() {
        List<RunResult> rows = new ArrayList<>(rows());
        RunResult broken = Rows.row("critical", 1000, 2, "greedy", 0.7, 0.5);
        rows.add(new RunResult(
                broken.key(),
                broken.receivers(),
                broken.rate(),
                broken.traffic(),
                broken.shape(),
                broken.cost(),
                broken.survival(),
                2,
                1,
                "2 violation(s), first: uplink: p7 sends too much"));
        BenchOutcome outcome = new BenchOutcome(rows, List.of("exact skipped on x: too big"), Duration.ofSeconds(75));
        BenchReport report = new BenchReport(
                "quick",
                "canopy bench --suite quick --seeds 3 --out /tmp/q",
                MACHINE,
                outcome,
                List.of("local"),
                List.of("plan-time.png"));

        String md = SummaryMarkdown.render(report);

        assertThat(md)
                .startsWith(
                        "# canopy bench: quick suite\n\n```sh\ncanopy bench --suite quick --seeds 3 --out /tmp/q\n```");
        assertThat(md)
                .contains("- Machine: 2 cores, max heap 4,096 MB, Java Acme 17.0.1 (Test VM), Linux 6.1 amd64")
                .contains("- Date: 2026-11-23 10:15 UTC; took 1 min 15 s")
                .contains("- Runs: 9 rows, 1 with violations, 0 failed")
                .contains("- Not registered, skipped: local")
                .contains("| critical | 1,000 | 8 | 0 | greedy | 2 |")
                .contains("| 2 (+1) |")
                .contains("## Violations and failures")
                .contains("- critical-n1000-s2 / greedy: 2 violation(s) at the nominal rate, 1 in other plans.")
                .contains("[plan-time.png](plan-time.png)")
                .contains("## Notes\n\n- exact skipped on x: too big");
    }

    @Test
    void figuresAreFormattedForReading() {
        assertThat(SummaryMarkdown.percent(0.0512)).isEqualTo("5.1 %");
        assertThat(SummaryMarkdown.percent(Double.NaN)).isEqualTo("-");
        assertThat(SummaryMarkdown.millis(4.26)).isEqualTo("4.3");
        assertThat(SummaryMarkdown.millis(14_099.4)).isEqualTo("14,099");
        assertThat(SummaryMarkdown.duration(Duration.ofMillis(9_500))).isEqualTo("9.5 s");
        assertThat(SummaryMarkdown.duration(Duration.ofSeconds(601))).isEqualTo("10 min 01 s");
    }
}
