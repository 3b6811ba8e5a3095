package dev.canopy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.cli.bench.Charts;
import dev.canopy.solver.Strategies;
import dev.canopy.solver.bench.Column;
import dev.canopy.solver.bench.ResultsCsv;
import dev.canopy.solver.bench.Suites;
import dev.canopy.solver.bench.SummaryMarkdown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    @Test
    void theSmokeSuiteWritesResultsSummaryAndCharts() throws Exception {
        Path out = dir.resolve("smoke");
        CommandRun run = CommandRun.of("bench", "--suite", "smoke", "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<String> registered = Suites.smoke().strategyNames().stream()
                .filter(n -> Strategies.byName(n).isPresent())
                .toList();
        int instances = Suites.smoke().instances(1).size();
        assertThat(run.out())
                .contains("canopy bench: smoke suite, " + instances + " instances")
                .contains("[1/" + instances * registered.size() + "] ")
                .contains(" 0 with violations, 0 failed");

        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv.get(0)).isEqualTo(ResultsCsv.header());
        assertThat(csv).hasSize(1 + instances * registered.size());
        int strategy = Column.STRATEGY.ordinal();
        int efficiency = Column.EFFICIENCY.ordinal();
        int served = Column.SERVED.ordinal();
        int violations = Column.VIOLATIONS.ordinal();
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",", -1);
            assertThat(registered).contains(cells[strategy]);
            assertThat(Double.parseDouble(cells[efficiency])).isGreaterThan(0).isLessThanOrEqualTo(1);
            assertThat(Double.parseDouble(cells[served])).isBetween(0.0, 1.0);
            assertThat(cells[violations]).isEqualTo("0");
        }
        assertThat(csv)
                .anySatisfy(l -> assertThat(l).startsWith("four-tier-n200-k4-p0-s1,four-tier,200,4,0,1,greedy,"));

        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary)
                .startsWith("# canopy bench: smoke suite\n\n```sh\ncanopy bench --suite smoke --seeds 1 --out " + out)
                .contains("- Machine: ")
                .contains(SummaryMarkdown.TABLE_HEADER)
                .contains("| four-tier | 200 | 4 | 0 | greedy | 1 |")
                .contains("| critical | 200 | 4 | 0 | greedy | 1 |");

        for (String chart : List.of(Charts.RATE_EFFICIENCY, Charts.CROSS_ISP, Charts.PLAN_TIME)) {
            byte[] png = Files.readAllBytes(out.resolve(chart));
            assertThat(Arrays.copyOf(png, 4)).as(chart).isEqualTo(PNG_MAGIC);
            assertThat(summary).contains("(" + chart + ")");
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary files left")
                    .allSatisfy(name -> assertThat(name).doesNotEndWith(".tmp"));
        }
    }

    @Test
    void theStrategiesOptionReplacesTheSuitesAndSkipsUnknownNamesWithANote() throws Exception {
        Path out = dir.resolve("one");
        CommandRun run =
                CommandRun.of("bench", "--suite", "smoke", "--strategies", "greedy,no-such", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("note: strategy 'no-such' is not registered, skipped");
        assertThat(Files.readString(out.resolve("summary.md")))
                .contains("--strategies greedy,no-such")
                .contains("- Not registered, skipped: no-such");
    }

    @Test
    void theInstancesOptionKeepsTheMatchingOnesAndSaysSoInTheCommand() throws Exception {
        Path out = dir.resolve("critical");
        CommandRun run = CommandRun.of(
                "bench",
                "--suite",
                "smoke",
                "--strategies",
                "greedy",
                "--instances",
                "critical.*",
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("smoke suite, 1 instances").doesNotContain("four-tier");
        assertThat(Files.readString(out.resolve("results.csv")))
                .contains("critical-n200")
                .doesNotContain("four-tier-n200");
        assertThat(Files.readString(out.resolve("summary.md"))).contains("--instances 'critical.*'");
    }

    @Test
    void instancesMatchingNothingAreAUsageError() {
        CommandRun run = CommandRun.of("bench", "--suite", "smoke", "--instances", "nothing", "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no instance of the smoke suite matches --instances nothing");
    }

    @Test
    void anUnknownSuiteIsAUsageError() {
        CommandRun run = CommandRun.of("bench", "--suite", "huge", "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown suite 'huge': expected one of [quick, full, smoke]");
    }

    @Test
    void noRegisteredStrategyIsAUsageError() {
        CommandRun run = CommandRun.of("bench", "--suite", "smoke", "--strategies", "nope", "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no registered strategy among [nope]");
    }

    @Test
    void anOutputPathThatIsAFileIsBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        CommandRun run = CommandRun.of("bench", "--suite", "smoke", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("cannot create the output directory").doesNotContain("\tat ");
    }
}
