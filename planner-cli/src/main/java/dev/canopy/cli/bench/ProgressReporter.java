package dev.canopy.cli.bench;

import dev.canopy.solver.bench.BenchListener;
import dev.canopy.solver.bench.RunResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a benchmark's progress: a progress bar (on the terminal's error stream) when there is a
 * terminal, otherwise one plain line per run on the command's output, so that logs and CI stay
 * readable. Notes are printed as they come in plain mode, and after the bar in terminal mode.
 * Hands every instance's rows so far to a consumer (to rewrite the results file).
 */
public final class ProgressReporter implements BenchListener, AutoCloseable {
    private final PrintWriter out;
    private final boolean terminal;
    private final Consumer<List<RunResult>> instanceDone;
    private final List<String> pendingNotes = new ArrayList<>();
    private ProgressBar bar;
    private int steps;
    private int done;

    /**
     * @param terminal whether to draw a bar ({@code System.console() != null}) or print lines
     */
    public ProgressReporter(PrintWriter out, boolean terminal, Consumer<List<RunResult>> instanceDone) {
        this.out = out;
        this.terminal = terminal;
        this.instanceDone = instanceDone;
    }

    @Override
    public void started(int total) {
        steps = total;
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName("bench")
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .build();
        }
    }

    @Override
    public void finished(RunResult r) {
        step(r.key().instance() + " " + r.key().strategy(), line(r));
    }

    @Override
    public void skipped(String instance, String strategy, String reason) {
        step(instance + " " + strategy, instance + " " + strategy + ": skipped, " + reason);
    }

    @Override
    public void note(String message) {
        if (terminal) {
            pendingNotes.add(message);
        } else {
            out.println("note: " + message);
            out.flush();
        }
    }

    @Override
    public void instanceDone(List<RunResult> resultsSoFar) {
        instanceDone.accept(resultsSoFar);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        pendingNotes.forEach(n -> out.println("note: " + n));
        pendingNotes.clear();
        out.flush();
    }

    private void step(String label, String line) {
        done++;
        if (bar != null) {
            if (done > bar.getMax()) {
                bar.maxHint(done);
            }
            bar.setExtraMessage(label);
            bar.step();
        } else {
            out.printf(Locale.ROOT, "[%d/%d] %s%n", done, Math.max(done, steps), line);
            out.flush();
        }
    }

    static String line(RunResult r) {
        StringBuilder s = new StringBuilder(r.key().instance())
                .append(' ')
                .append(r.key().strategy())
                .append(':');
        if (Double.isNaN(r.traffic().served())) {
            return s.append(' ').append(r.note()).toString();
        }
        if (!Double.isNaN(r.rate().efficiency())) {
            s.append(String.format(Locale.ROOT, " efficiency %.3f,", r.rate().efficiency()));
        }
        s.append(String.format(
                Locale.ROOT,
                " served %.1f %%, cross-ISP %.1f %%",
                100 * r.traffic().served(),
                100 * r.traffic().crossIsp()));
        if (!Double.isNaN(r.cost().planMs())) {
            s.append(String.format(Locale.ROOT, ", plan %.0f ms", r.cost().planMs()));
        }
        if (r.violations() + r.otherViolations() > 0) {
            s.append(String.format(Locale.ROOT, ", VIOLATIONS %d (+%d)", r.violations(), r.otherViolations()));
        }
        return s.toString();
    }
}
