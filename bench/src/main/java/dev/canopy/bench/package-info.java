/**
 * JMH benchmarks of Canopy's hot paths (planning, verifying, routing), run on demand with
 * {@code java -jar bench/target/benchmarks.jar}; never part of the test suite.
 */
package dev.canopy.bench;
