package dev.canopy.bench;

import dev.canopy.model.Snapshot;
import dev.canopy.model.io.Documents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to read a snapshot file with {@link Documents#readSnapshot}: syntax, format tag, JSON
 * Schema, semantic rules, then binding, which dominates a {@code canopy plan} run at 10^5 peers.
 * The file is the {@link Networks#planning} snapshot written as pretty JSON to a temporary
 * directory in setup and deleted in teardown; after the first read it sits in the page cache, so
 * this times parsing and checking, not the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SnapshotBenchmark {
    /** Peers in the written snapshot. */
    @Param({"100000"})
    public int peers;

    private Path directory;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("canopy-bench-");
        file = directory.resolve("snapshot-" + peers + ".json");
        Snapshot snapshot = Networks.planning(peers);
        Documents.write(file, snapshot);
        if (!Documents.readSnapshot(file).equals(snapshot)) {
            throw new IllegalStateException("the snapshot read back from " + file + " differs from the one written");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(directory);
    }

    /** Reads and validates the snapshot file. */
    @Benchmark
    public Snapshot read() {
        return Documents.readSnapshot(file);
    }
}
