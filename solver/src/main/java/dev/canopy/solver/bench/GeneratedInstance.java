package dev.canopy.solver.bench;

import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A member of a generated family: the generator's defaults (5 continents, 20 countries, 60
 * ISPs, one live channel of 1200 kbps, 10 % lightweight peers split between no-inbound,
 * no-relay and access-list) with a capacity mix, a size, k, n and a seed.
 */
public record GeneratedInstance(GeneratorOptions options, Set<Measure> measures) implements BenchInstance {

    public GeneratedInstance {
        measures = measures.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(measures));
    }

    /** A family member with every measurement. */
    public static GeneratedInstance of(CapacityMix mix, int peers, int k, int parity, long seed) {
        return of(mix, peers, k, parity, seed, EnumSet.allOf(Measure.class));
    }

    /** A family member with the given measurements. */
    public static GeneratedInstance of(
            CapacityMix mix, int peers, int k, int parity, long seed, Set<Measure> measures) {
        String name = String.format(Locale.ROOT, "%s-n%d-k%d-p%d-s%d", mix.code(), peers, k, parity, seed);
        GeneratorOptions options = GeneratorOptions.defaults(peers)
                .withMix(mix)
                .withSubstreams(k)
                .withParity(parity)
                .withSeed(seed)
                .withId(name);
        return new GeneratedInstance(options, measures);
    }

    @Override
    public String name() {
        return options.id();
    }

    @Override
    public String family() {
        return options.mix().code();
    }

    @Override
    public int peers() {
        return options.peers();
    }

    @Override
    public int substreams() {
        return options.substreams();
    }

    @Override
    public int parity() {
        return options.parity();
    }

    @Override
    public long seed() {
        return options.seed();
    }

    @Override
    public Snapshot build() {
        return NetworkGenerator.generate(options);
    }
}
