package dev.canopy.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.model.plan.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheWholeContent() throws IOException {
        Path target = dir.resolve("out.txt");

        AtomicFiles.write(target, out -> out.write("hello\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("hello");
        assertThat(filesIn(dir)).containsExactly("out.txt");
    }

    @Test
    void aNewFileIsReadableByOthersAndAReplacedOneKeepsItsMode() throws IOException {
        Path fresh = dir.resolve("fresh.json");
        AtomicFiles.write(fresh, out -> out.write('x'));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rw-r--r--");

        Path kept = Files.writeString(dir.resolve("kept.json"), "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(kept, out -> out.write('y'));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
                .isEqualTo("rw-rw----");
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = Files.writeString(dir.resolve("out.txt"), "old");

        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("new");
    }

    @Test
    void aFailedWriteLeavesNoPartialFile() throws IOException {
        Path target = dir.resolve("out.txt");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
                    out.write("half of it".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(target + ": cannot write: ")
                .hasMessageEndingWith("disk full");

        assertThat(target).doesNotExist();
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aFailedWriteKeepsTheOldContentOfTheTarget() throws IOException {
        Path target = Files.writeString(dir.resolve("plan.json"), "the old plan");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
                    out.write("the new pl".getBytes(StandardCharsets.UTF_8));
                    throw new UncheckedIOException(new IOException("connection reset"));
                }))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("cannot write: ")
                .hasMessageEndingWith("connection reset");

        assertThat(target).hasContent("the old plan");
        assertThat(filesIn(dir)).containsExactly("plan.json");
    }

    @Test
    void anUnexpectedFailureAlsoLeavesNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("plan.json"), "the old plan");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
                    out.write('x');
                    throw new IllegalStateException("bug");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(target).hasContent("the old plan");
        assertThat(filesIn(dir)).containsExactly("plan.json");
    }

    @Test
    void writingIntoAMissingDirectoryIsAnInputError() {
        Path target = dir.resolve("no-such-dir").resolve("plan.json");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write('x')))
                .isInstanceOf(InputException.class)
                .hasMessage(target + ": cannot write: directory " + target.getParent() + " does not exist");
        assertThatThrownBy(
                        () -> Documents.write(target, new Plan(null, "s", 1, null, null, null, null, null, null, null)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("does not exist");
        assertThat(target.getParent()).doesNotExist();
    }

    @Test
    void writingOverADirectoryIsAnInputErrorAndLeavesItAlone() throws IOException {
        Path target = Files.createDirectory(dir.resolve("taken"));
        Files.writeString(target.resolve("inside.txt"), "keep");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write('x')))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(target + ": cannot write: ");

        assertThat(target.resolve("inside.txt")).hasContent("keep");
        assertThat(filesIn(dir)).containsExactly("taken");
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
