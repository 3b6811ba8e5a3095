package dev.canopy.model.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path dir;

    private final String saved = System.getProperty(DataDirectory.PROPERTY);

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(DataDirectory.PROPERTY);
        } else {
            System.setProperty(DataDirectory.PROPERTY, saved);
        }
    }

    @Test
    void thePropertyWins() {
        System.setProperty(DataDirectory.PROPERTY, dir.toString());

        assertThat(DataDirectory.locate()).contains(dir.toAbsolutePath().normalize());
    }

    @Test
    void aPropertyNamingNoDirectoryFindsNothingAndSaysSo() {
        Path missing = dir.resolve("nowhere");
        System.setProperty(DataDirectory.PROPERTY, missing.toString());

        assertThat(DataDirectory.locate()).isEmpty();
        assertThat(DataDirectory.missingMessage())
                .contains("canopy.data is \"" + missing + "\"", "not a directory", "CANOPY_DATA")
                .doesNotContain("\n");
    }
}
