package dev.canopy.model.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.model.io.InputException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed or missing overlay data gives one line naming the file (and line). */
class RealOverlayErrorsTest {
    private static final String HEADER = "pid1,pid2,cnt,throughput_avg,throughput_std,total_bytes,total_timespent,"
            + "city1,city2,fips_code1,fips_code2,continent_code1,continent_code2,isp1,isp2,same_city,same_isp,"
            + "same_country,same_continent,min_ts,max_ts";
    private static final String GOOD = "18c4265f-20ed-4714-93c9-74ec16b938f3,084449db-c727-4851-ab66-182950b19121,5,"
            + "383.3,49.2,6369816,16877,Casablanca,Surbiton,MO,UK,Northern Africa,Northern Europe,Maroc Telecom,BT,"
            + "false,false,false,false,2020-07-03T22:07:11.238Z,2020-07-03T22:08:17.095Z";

    @TempDir
    Path dir;

    @Test
    void anUnknownFipsCodeNamesFileAndLine() throws Exception {
        write(HEADER + "\n" + GOOD + "\n" + GOOD.replace(",MO,UK,", ",QQ,UK,") + "\n");

        assertThatThrownBy(() -> RealOverlay.load(dir, RealOverlayOptions.defaults()))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve(OverlayData.FILE) + ":3: unknown FIPS 10-4 country code \"QQ\" (fips_code1)");
    }

    @Test
    void aShortLineNamesFileAndLine() throws Exception {
        write(HEADER + "\n" + GOOD.substring(0, 100) + "\n");

        assertThatThrownBy(() -> RealOverlay.load(dir, RealOverlayOptions.defaults()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve(OverlayData.FILE) + ":2: expected 21 comma-separated fields");
    }

    @Test
    void aMissingLatencyTableIsOneLine() throws Exception {
        write(HEADER + "\n" + GOOD + "\n");

        assertThatThrownBy(() -> RealOverlay.load(dir, RealOverlayOptions.defaults()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve(CountryRtt.FILE) + ": no such file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private void write(String text) throws Exception {
        Path file = dir.resolve(OverlayData.FILE);
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
