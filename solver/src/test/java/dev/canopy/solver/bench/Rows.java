package dev.canopy.solver.bench;

/** Hand-made result rows for the formatting tests. */
final class Rows {
    private Rows() {}

    static RunResult row(String family, int peers, long seed, String strategy, double efficiency, double crossIsp) {
        RunResult.Key key = new RunResult.Key(family + "-n" + peers + "-s" + seed, family, peers, 8, 0, seed, strategy);
        return new RunResult(
                key,
                peers + 5,
                new RunResult.Rate(1200, 1500, efficiency * 1500, efficiency, 7, 0, 1440, efficiency * 1500 / 1440),
                new RunResult.Traffic(
                        1,
                        0.05,
                        ServerSends.Parts.NONE,
                        0.9,
                        crossIsp,
                        crossIsp / 2,
                        Double.NaN,
                        Double.NaN,
                        1000,
                        Double.NaN),
                new RunResult.Shape(12, 4, 2, 11),
                new RunResult.Cost(10 * seed, 3, Double.NaN),
                new RunResult.Survival(0.99, 0.95, 0.9, 1, 0.98, 0.96),
                0,
                0,
                "");
    }
}
