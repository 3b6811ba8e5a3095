package dev.canopy.cli;

import dev.canopy.model.Snapshot;
import dev.canopy.model.event.Event;
import dev.canopy.model.io.AtomicFiles;
import dev.canopy.model.io.Documents;
import dev.canopy.model.real.AsGraphOptions;
import dev.canopy.model.real.AsGraphSnapshots;
import dev.canopy.model.real.AsScope;
import dev.canopy.model.real.ChurnOptions;
import dev.canopy.model.real.ChurnTrace;
import dev.canopy.model.real.DataDirectory;
import dev.canopy.model.real.DeployedLink;
import dev.canopy.model.real.RealOverlay;
import dev.canopy.model.real.RealOverlayOptions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Builds snapshots and event streams from the real network data sets. */
@Command(
        name = "dataset",
        mixinStandardHelpOptions = true,
        description = {
            "Builds a snapshot or an event stream from real network data.",
            "",
            "overlay   the deployed P2P live-streaming overlay of 2020-07-03: 5,275 peers in their",
            "          countries and ISPs, RIPE Atlas latencies, Ookla capacities (--deployed-out",
            "          also writes its 19,189 measured sessions as CSV).",
            "as-graph  peers on leaf ASes of the CAIDA AS graph of 2024-08-01, over the ASes above",
            "          them (provider-closure) or all 77k ASes (full).",
            "churn     join/leave events of a snapshot's peers replayed from the STUNner smartphone",
            "          trace (--snapshot required; starts at the snapshot's takenAt unless --start).",
            "",
            "The data folder is --data, else -Dcanopy.data, else $CANOPY_DATA, else ../shared/data",
            "above the working directory. Deterministic for a seed. Exits 3 if the data is missing."
        })
final class DatasetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "overlay, as-graph or churn.")
    String kind;

    @Option(names = "--data", paramLabel = "DIR", description = "The real data folder.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the result.")
    Path out;

    @Option(
            names = "--deployed-out",
            paramLabel = "FILE",
            description = "overlay: also write the deployed sessions as CSV (sender,receiver,bytes,throughput_kbps).")
    Path deployedOut;

    @Option(names = "--peers", paramLabel = "N", description = "as-graph: peers (default: 10000).")
    Integer peers;

    @Option(names = "--ases", paramLabel = "N", description = "as-graph: leaf ASes holding peers (default: 1000).")
    Integer ases;

    @Option(
            names = "--scope",
            paramLabel = "SCOPE",
            description = "as-graph: provider-closure or full (default: provider-closure).")
    String scope;

    @Option(names = "--events", paramLabel = "N", description = "churn: events to write (default: 10000).")
    Integer events;

    @Option(names = "--snapshot", paramLabel = "S", description = "churn: the snapshot whose peers churn.")
    Path snapshot;

    @Option(names = "--start", paramLabel = "INSTANT", description = "churn: first instant (default: takenAt).")
    Instant start;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "-k", paramLabel = "K", description = "Substreams of the channel (default: 8).")
    Integer substreams;

    @Option(names = "--parity", paramLabel = "N", description = "Erasure-coded parity substreams (default: 0).")
    Integer parity;

    @Option(names = "--rate", paramLabel = "KBPS", description = "Channel rate in kbps (default: 2000).")
    Long rate;

    @Override
    public Integer call() {
        String which = kind.toLowerCase(Locale.ROOT);
        if (!List.of("overlay", "as-graph", "churn").contains(which)) {
            throw usage("unknown dataset kind '" + kind + "': expected overlay, as-graph or churn");
        }
        if (!which.equals("as-graph")) {
            reject(which, "--peers", peers, "--ases", ases, "--scope", scope);
        }
        if (!which.equals("churn")) {
            reject(which, "--events", events, "--snapshot", snapshot, "--start", start);
        } else {
            reject(which, "-k", substreams, "--parity", parity, "--rate", rate);
        }
        if (!which.equals("overlay")) {
            reject(which, "--deployed-out", deployedOut);
        }
        Optional<Path> dir = data != null ? Optional.of(data).filter(Files::isDirectory) : DataDirectory.locate();
        PrintWriter err = spec.commandLine().getErr();
        if (dir.isEmpty()) {
            err.println("canopy dataset: "
                    + (data != null ? "--data " + data + " is not a directory" : DataDirectory.missingMessage()));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        long t0 = System.nanoTime();
        String what;
        try {
            what = switch (which) {
                case "overlay" -> overlay(dir.get());
                case "as-graph" -> asGraph(dir.get());
                default -> churn(dir.get());
            };
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "canopy dataset %s: %s in %.0f ms%n", which, what, (System.nanoTime() - t0) / 1e6);
        w.println("written to " + out + (deployedOut != null ? " and " + deployedOut : ""));
        w.flush();
        return ExitCodes.OK;
    }

    private String overlay(Path dir) {
        RealOverlayOptions d = RealOverlayOptions.defaults();
        RealOverlay overlay = RealOverlay.load(
                dir,
                new RealOverlayOptions(
                        substreams != null ? substreams : d.substreams(),
                        parity != null ? parity : d.parity(),
                        rate != null ? rate : d.rateKbps(),
                        seed));
        Documents.write(out, overlay.snapshot());
        if (deployedOut != null) {
            AtomicFiles.write(deployedOut, stream -> {
                StringBuilder csv = new StringBuilder("sender,receiver,bytes,throughput_kbps\n");
                for (DeployedLink l : overlay.deployed()) {
                    csv.append(l.sender())
                            .append(',')
                            .append(l.receiver())
                            .append(',')
                            .append(l.bytes());
                    csv.append(',')
                            .append(String.format(Locale.ROOT, "%.3f", l.throughputKbps()))
                            .append('\n');
                }
                stream.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            });
        }
        return describe(overlay.snapshot()) + ", " + overlay.deployed().size() + " deployed sessions";
    }

    private String asGraph(Path dir) {
        AsGraphOptions d = AsGraphOptions.defaults();
        int n = peers != null ? peers : d.peers();
        AsGraphOptions options = new AsGraphOptions(
                n,
                ases != null ? ases : Math.min(d.peerAses(), n),
                substreams != null ? substreams : d.substreams(),
                parity != null ? parity : d.parity(),
                rate != null ? rate : d.rateKbps(),
                seed,
                scope != null ? AsScope.fromCode(scope) : d.scope());
        Snapshot built = AsGraphSnapshots.build(dir, options);
        Documents.write(out, built);
        return describe(built);
    }

    private String churn(Path dir) {
        if (snapshot == null) {
            throw usage("churn needs --snapshot: the snapshot whose peers join and leave");
        }
        Snapshot network = Documents.readSnapshot(snapshot);
        ChurnTrace trace = ChurnTrace.load(dir);
        Instant first = start != null ? start : network.takenAt().orElse(Instant.EPOCH);
        List<Event> stream = trace.events(network, new ChurnOptions(events != null ? events : 10_000, first, seed));
        Documents.writeEvents(out, stream);
        long joins = stream.stream().filter(e -> e.type().equals("join")).count();
        return String.format(
                Locale.ROOT,
                "%,d events (%,d join, %,d leave) from %,d user-weeks on %s",
                stream.size(),
                joins,
                stream.size() - joins,
                trace.userWeeks(),
                network.id());
    }

    private static String describe(Snapshot s) {
        return String.format(
                Locale.ROOT,
                "%s with %,d nodes, %,d regions, %,d links",
                s.id(),
                s.nodes().size(),
                s.regions().size(),
                s.links().size());
    }

    /** Rejects options that do not apply to this kind: pairs of (name, value). */
    private void reject(String which, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                throw usage(pairs[i] + " does not apply to " + which);
            }
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
