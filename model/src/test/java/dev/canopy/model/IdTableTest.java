package dev.canopy.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdTableTest {
    @Test
    void numbersEachIdByItsPlaceAndKnowsNoOther() {
        IdTable table = new IdTable(List.of("p1", "p2", "o1"));
        assertThat(table.get("p1")).isZero();
        assertThat(table.get("p2")).isEqualTo(1);
        assertThat(table.get("o1")).isEqualTo(2);
        assertThat(table.get("p3")).isEqualTo(-1);
        assertThat(new IdTable(List.of()).get("p1")).isEqualTo(-1);
    }

    @Test
    void keepsTheFirstOfARepeatedId() {
        IdTable table = new IdTable(List.of("a", "b", "a"));
        assertThat(table.get("a")).isZero();
        assertThat(table.get("b")).isEqualTo(1);
    }

    @Test
    void tellsApartIdsWithTheSameHash() {
        // "Aa" and "BB" share String.hashCode, and so do their concatenations.
        List<String> ids = new ArrayList<>();
        for (String x : List.of("Aa", "BB")) {
            for (String y : List.of("Aa", "BB")) {
                for (String z : List.of("Aa", "BB")) {
                    ids.add(x + y + z);
                }
            }
        }
        IdTable table = new IdTable(ids);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(table.get(ids.get(i))).isEqualTo(i);
        }
        assertThat(table.get("AaAaAa" + "Aa")).isEqualTo(-1);
    }

    @Test
    void findsEveryIdOfALargeList() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add("peer-" + i);
        }
        IdTable table = new IdTable(ids);
        for (int i = 0; i < ids.size(); i += 7) {
            assertThat(table.get(ids.get(i))).isEqualTo(i);
        }
        assertThat(table.get("peer-100000")).isEqualTo(-1);
    }
}
