package dev.canopy.solver.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {
    @TempDir
    Path dir;

    @Test
    void theHeaderListsTheColumnsInOrder() {
        assertThat(ResultsCsv.header())
                .startsWith("instance,family,peers,k,parity,seed,strategy,receivers,rate_kbps,limit_kbps,")
                .contains(",rate_efficiency,", ",cross_isp_vs_random,", ",res_p2_q10,")
                .endsWith(",violations,other_violations,note");
        assertThat(ResultsCsv.header().split(",")).hasSize(Column.values().length);
    }

    @Test
    void oneLinePerRunWithEmptyCellsForWhatWasNotMeasured() {
        RunResult measured = Rows.row("four-tier", 1000, 1, "greedy", 0.93, 0.125);
        RunResult failed = RunResult.failed(measured.key(), 1005, "plan failed: boom, \"badly\"");

        List<String> lines =
                ResultsCsv.render(List.of(measured, failed)).lines().toList();

        assertThat(lines).hasSize(3);
        String[] cells = lines.get(1).split(",", -1);
        assertThat(cells).hasSize(Column.values().length);
        assertThat(cells[Column.EFFICIENCY.ordinal()]).isEqualTo("0.9300");
        assertThat(cells[Column.SLOT_LIMIT.ordinal()]).isEqualTo("1440");
        assertThat(cells[Column.SLOT_EFFICIENCY.ordinal()]).isEqualTo("0.9688");
        assertThat(cells[Column.CROSS_ISP.ordinal()]).isEqualTo("0.1250");
        assertThat(cells[Column.CROSS_ISP_VS_RANDOM.ordinal()]).isEmpty();
        assertThat(cells[Column.PLAN_MS.ordinal()]).isEqualTo("10.0");
        assertThat(cells[Column.NOTE.ordinal()]).isEmpty();
        assertThat(lines.get(2))
                .startsWith("four-tier-n1000-s1,four-tier,1000,8,0,1,greedy,1005,,,,,,,0,0,,")
                .endsWith(",0,0,\"plan failed: boom, \"\"badly\"\"\"");
    }

    @Test
    void ratiosOverZeroAreInfinite() {
        assertThat(Column.fixed(Double.POSITIVE_INFINITY, 2)).isEqualTo("inf");
        assertThat(Column.fixed(Double.NaN, 2)).isEmpty();
        assertThat(Column.fixed(1.0 / 3, 3)).isEqualTo("0.333");
    }

    @Test
    void writesTheFile() throws Exception {
        Path file = dir.resolve("results.csv");
        ResultsCsv.write(file, List.of(Rows.row("critical", 200, 2, "greedy", 0.5, 0.25)));

        assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo(ResultsCsv.header());
    }
}
