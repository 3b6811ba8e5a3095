package dev.canopy.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HoursTest {
    @Test
    void parsesStartAndEnd() {
        Hours hours = Hours.parse("09:30-17:00");

        assertThat(hours.start()).isEqualTo(LocalTime.of(9, 30));
        assertThat(hours.end()).isEqualTo(LocalTime.of(17, 0));
        assertThat(hours).hasToString("09:30-17:00");
        assertThat(Hours.parse(" 09:30-17:00 ")).isEqualTo(hours);
    }

    @ParameterizedTest(name = "09:00-17:00 contains {0}: {1}")
    @CsvSource({"08:59, false", "09:00, true", "12:00, true", "16:59, true", "17:00, false", "23:00, false"})
    void aDayWindowIncludesItsStartAndExcludesItsEnd(String time, boolean inside) {
        assertThat(Hours.parse("09:00-17:00").contains(LocalTime.parse(time))).isEqualTo(inside);
    }

    @ParameterizedTest(name = "22:00-06:00 contains {0}: {1}")
    @CsvSource({
        "21:59, false",
        "22:00, true",
        "23:59, true",
        "00:00, true",
        "05:59, true",
        "06:00, false",
        "12:00, false"
    })
    void aWindowWhoseEndIsBeforeItsStartWrapsPastMidnight(String time, boolean inside) {
        assertThat(Hours.parse("22:00-06:00").contains(LocalTime.parse(time))).isEqualTo(inside);
    }

    @ParameterizedTest(name = "18:00-24:00 contains {0}: {1}")
    @CsvSource({"17:59, false", "18:00, true", "23:59:59, true", "00:00, false", "03:00, false"})
    void anEndOf2400MeansMidnight(String time, boolean inside) {
        Hours hours = Hours.parse("18:00-24:00");

        assertThat(hours.end()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(hours.contains(LocalTime.parse(time))).isEqualTo(inside);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:00-24:00", "10:00-10:00"})
    void aWindowEndingWhereItStartsCoversTheWholeDay(String text) {
        Hours hours = Hours.parse(text);

        for (String time : new String[] {"00:00", "09:59", "10:00", "23:59"}) {
            assertThat(hours.contains(LocalTime.parse(time))).as(time).isTrue();
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"9-17", "09:00", "09:00 - 17:00", "0900-1700", "09:00-17:00-18:00", "ab:cd-ef:gh"})
    void rejectsTextThatIsNotHhMmDashHhMm(String text) {
        assertThatThrownBy(() -> Hours.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hours must look like HH:MM-HH:MM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"25:00-06:00", "12:60-13:00", "09:00-24:01", "24:00-06:00", "09:00-25:00"})
    void rejectsTimesOutOfRange(String text) {
        assertThatThrownBy(() -> Hours.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hours out of range in \"" + text + "\"");
    }
}
