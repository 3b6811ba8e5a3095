package dev.canopy.cli;

import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.io.Documents;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a synthetic snapshot with realistic structure, for tests and benchmarks. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a synthetic snapshot for tests and benchmarks.",
            "",
            "Continents > countries > ISPs with links and latencies, an origin and CDN nodes,",
            "peers with uplinks from a capacity mix, tiers, groups, enterprises and a share",
            "of lightweight peers. Deterministic for a seed."
        })
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--peers", required = true, paramLabel = "N", description = "Number of peers.")
    int peers;

    @Option(
            names = "--regions",
            paramLabel = "R",
            description = "About how many ISP regions, spread over continents and countries (default: 60).")
    Integer regions;

    @Option(names = "--continents", paramLabel = "N", description = "Continents, 1..6 (default: 5).")
    Integer continents;

    @Option(names = "--countries", paramLabel = "N", description = "Countries per continent, 1..8 (default: 4).")
    Integer countries;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--channels", paramLabel = "C", description = "Number of channels (default: 1).")
    Integer channels;

    @Option(names = "--rate", paramLabel = "KBPS", description = "Channel rate in kbps (default: 1200).")
    Long rate;

    @Option(names = "--substreams", paramLabel = "K", description = "Substreams per channel (default: 4).")
    Integer substreams;

    @Option(names = "--parity", paramLabel = "N", description = "Erasure-coded parity substreams (default: 0).")
    Integer parity;

    @Option(
            names = "--mix",
            paramLabel = "MIX",
            description = "Uplink mix: four-tier, log-normal, homogeneous or critical (default: four-tier).")
    String mix;

    @Option(
            names = "--lightweight",
            paramLabel = "SHARE",
            description = "Share of lightweight peers, 0..1 (default: 0.1).")
    Double lightweight;

    @Option(names = "--id", paramLabel = "ID", description = "Snapshot id (default: derived from the options).")
    String id;

    @Option(names = "--out", required = true, paramLabel = "S", description = "Where to write the snapshot.")
    Path out;

    @Override
    public Integer call() {
        GeneratorOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long start = System.nanoTime();
        Snapshot snapshot = NetworkGenerator.generate(options);
        Documents.write(out, snapshot);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(
                Locale.ROOT,
                "canopy generate: %s with %,d nodes, %,d regions, %,d links, %d channel(s) in %.0f ms%n",
                snapshot.id(),
                snapshot.nodes().size(),
                snapshot.regions().size(),
                snapshot.links().size(),
                snapshot.channels().size(),
                (System.nanoTime() - start) / 1e6);
        w.println("snapshot   written to " + out);
        w.flush();
        return ExitCodes.OK;
    }

    private GeneratorOptions options() {
        GeneratorOptions o = GeneratorOptions.defaults(peers).withSeed(seed);
        if (continents != null) {
            o = o.withContinents(continents);
        }
        if (countries != null) {
            o = o.withCountriesPerContinent(countries);
        }
        if (regions != null) {
            int perCountry = (int) Math.round((double) regions / (o.continents() * o.countriesPerContinent()));
            o = o.withIspsPerCountry(Math.max(1, perCountry));
        }
        if (channels != null) {
            o = o.withChannels(channels);
        }
        if (rate != null) {
            o = o.withRateKbps(rate);
        }
        if (substreams != null) {
            o = o.withSubstreams(substreams);
        }
        if (parity != null) {
            o = o.withParity(parity);
        }
        if (mix != null) {
            o = o.withMix(CapacityMix.fromCode(mix));
        }
        if (lightweight != null) {
            o = o.withLightweightShare(lightweight);
        }
        if (id != null) {
            o = o.withId(id);
        }
        return o;
    }
}
