package dev.canopy.model.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random draws on a {@link SplittableRandom}, built only from {@code nextDouble} and
 * {@code nextInt} so that a seed gives the same numbers on every JDK. Public so that the
 * builders of real-data snapshots ({@code dev.canopy.model.real}) draw exactly as the
 * generator does. Stateless; thread-safe as long as each thread uses its own random stream.
 */
public final class Draws {
    private Draws() {}

    /** Uniform in [lo, hi). */
    public static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** A standard normal variate (Box-Muller; one of the pair is discarded, for simplicity). */
    public static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble(); // (0, 1]
        double v = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    /**
     * A Kumaraswamy(a, b) variate in [0, 1]: a beta-like shape with a closed-form inverse
     * distribution function.
     */
    public static double kumaraswamy(SplittableRandom rng, double a, double b) {
        double u = rng.nextDouble();
        return Math.pow(1.0 - Math.pow(1.0 - u, 1.0 / b), 1.0 / a);
    }

    /** Rounds to a number of decimals. */
    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** Running sums of weights, for {@link #pick(SplittableRandom, double[])}. */
    public static double[] cumulative(double[] weights) {
        double[] sums = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            sums[i] = total;
        }
        return sums;
    }

    /** An index drawn with probability proportional to its weight, given running sums. */
    public static int pick(SplittableRandom rng, double[] cumulative) {
        double x = rng.nextDouble() * cumulative[cumulative.length - 1];
        int at = Arrays.binarySearch(cumulative, x);
        int index = at >= 0 ? at + 1 : -at - 1;
        return Math.min(index, cumulative.length - 1);
    }

    /** Zipf weights 1 / rank^s for ranks 1..n. */
    public static double[] zipf(int n, double s) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1.0 / Math.pow(i + 1, s);
        }
        return weights;
    }

    /** A random permutation of 0..n-1 (Fisher-Yates). */
    public static int[] permutation(SplittableRandom rng, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
