package dev.canopy.policies.testing;

import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.io.Documents;
import dev.canopy.model.io.FieldPath;
import dev.canopy.model.io.InputError;
import dev.canopy.model.io.InputException;
import dev.canopy.model.io.Parsed;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.policytest.PolicyTestFile;
import dev.canopy.model.policytest.TestCase;
import dev.canopy.policies.compile.PolicyReferences;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds and loads policy test files ({@code canopy/policy-test@1}, named {@code *.test.yaml} or
 * {@code *.test.yml}) next to the policy files they test. Loading reads every test file, the
 * policy file each names and every snapshot its cases name, and checks that the names in the
 * policies and in the expectations exist in each case's snapshot; all mistakes of all files are
 * reported together, each with file, line and column. Stateless.
 */
public final class PolicyTests {
    private PolicyTests() {}

    /**
     * The test files under a directory, sorted by path; a test file given directly is returned
     * alone.
     */
    public static List<Path> find(Path root) {
        if (!Files.isDirectory(root)) {
            if (!Files.exists(root)) {
                throw InputException.ofFile(root.toString(), "no such file or directory");
            }
            return List.of(root);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(PolicyTests::isTestFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a file is named like a policy test file. */
    public static boolean isTestFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".test.yaml") || name.endsWith(".test.yml");
    }

    /**
     * Loads every case of every test file under a directory (or of one test file), in path and
     * then file order.
     *
     * @throws InputException listing every mistake found, each with file, line and column
     */
    public static List<PolicyTestCase> load(Path root) {
        Path base = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
        Loader loader = new Loader(base);
        for (Path file : find(root)) {
            loader.loadFile(file);
        }
        if (!loader.errors.isEmpty()) {
            throw new InputException(loader.errors);
        }
        return loader.cases;
    }

    /** Loads files, collecting cases and errors, and sharing snapshots read for several cases. */
    private static final class Loader {
        private final Path base;
        private final List<PolicyTestCase> cases = new ArrayList<>();
        private final List<InputError> errors = new ArrayList<>();
        private final Map<Path, Optional<Snapshot>> snapshots = new HashMap<>();

        Loader(Path base) {
            this.base = base;
        }

        void loadFile(Path file) {
            Parsed<PolicyTestFile> parsed;
            try {
                parsed = Documents.readPolicyTests(file);
            } catch (InputException e) {
                errors.addAll(e.errors());
                return;
            }
            PolicyTestFile tests = parsed.value();
            Path folder = file.toAbsolutePath().getParent();
            Path policyFile = folder.resolve(tests.policiesPath()).normalize();
            Optional<Parsed<PolicyDocument>> policies = Optional.empty();
            if (!Files.isRegularFile(policyFile)) {
                FieldPath at = tests.policies().isPresent() ? FieldPath.of("policies") : FieldPath.ROOT;
                errors.add(parsed.error(at, "no policy file " + policyFile.getFileName() + " at " + policyFile));
            } else {
                try {
                    policies = Optional.of(Documents.readPolicies(policyFile));
                } catch (InputException e) {
                    errors.addAll(e.errors());
                }
            }
            String prefix = folderName(folder);
            for (int i = 0; i < tests.cases().size(); i++) {
                loadCase(parsed, i, folder, prefix, policies);
            }
        }

        private void loadCase(
                Parsed<PolicyTestFile> parsed,
                int i,
                Path folder,
                String prefix,
                Optional<Parsed<PolicyDocument>> policies) {
            TestCase spec = parsed.value().cases().get(i);
            FieldPath here = FieldPath.of("cases", i);
            Path snapshotFile = folder.resolve(spec.snapshot()).normalize();
            if (!Files.isRegularFile(snapshotFile)) {
                errors.add(parsed.error(here.field("snapshot"), "no snapshot file " + snapshotFile));
                return;
            }
            Optional<Snapshot> read = snapshots.computeIfAbsent(snapshotFile, this::readSnapshot);
            if (read.isEmpty() || policies.isEmpty()) {
                return;
            }
            Snapshot snapshot = spec.at()
                    .map(at -> new Snapshot(
                            read.get().format(),
                            read.get().id(),
                            Optional.of(at),
                            read.get().regions(),
                            read.get().links(),
                            read.get().channels(),
                            read.get().nodes(),
                            read.get().defaultLatencyMs()))
                    .orElse(read.get());
            SnapshotIndex index = SnapshotIndex.of(snapshot);
            int before = errors.size();
            Parsed<PolicyDocument> document = policies.get();
            PolicyReferences.check(document.value(), index)
                    .forEach(p -> errors.add(document.error(
                            p.path(),
                            p.message() + " (in snapshot " + snapshot.id() + " of case \"" + spec.name() + "\")")));
            ExpectationNames.check(spec, index, document.value())
                    .forEach(p -> errors.add(parsed.error(
                            here.field("expect").index(p.index()).field(p.key()).field(p.field()), p.message())));
            if (errors.size() == before) {
                cases.add(new PolicyTestCase(
                        prefix + "/" + spec.name(),
                        parsed.file().isEmpty() ? Path.of(".") : Path.of(parsed.file()),
                        spec,
                        snapshot,
                        document.value()));
            }
        }

        private Optional<Snapshot> readSnapshot(Path file) {
            try {
                return Optional.of(Documents.readSnapshot(file));
            } catch (InputException e) {
                errors.addAll(e.errors());
                return Optional.empty();
            }
        }

        private String folderName(Path folder) {
            Path relative = base.toAbsolutePath().normalize().relativize(folder.normalize());
            String name = relative.toString().replace('\\', '/');
            if (name.isEmpty()) {
                Path own = folder.getFileName();
                return own == null ? "." : own.toString();
            }
            return name;
        }
    }
}
