package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTextTest {

    @Test
    void nestedValuesRoundTripEqual() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "text with \"quotes\", \\ backslash, \n newline, \u0001 control and ü");
        value.put("i", 1);
        value.put("l", 5_000_000_000L);
        value.put("big", new BigInteger("123456789012345678901234567890"));
        value.put("d", 1.5);
        value.put("b", true);
        value.put("n", null);
        value.put("list", List.of(1, "two", List.of(), Map.of()));
        value.put("map", Map.of("a", Map.of("b", false)));

        assertThat(JsonText.readObject(JsonText.write(value))).isEqualTo(value);
    }

    @Test
    void keyOrderIsKept() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", 1);
        value.put("a", 2);

        assertThat(JsonText.readObject(JsonText.write(value)).keySet()).containsExactly("z", "a");
    }

    @Test
    void setsAndArraysBecomeListsAndOtherObjectsTheirText() {
        Map<String, Object> stored = JsonText.stored(Map.of("set", Set.of("x"), "array", new int[] {1, 2},
                "time", Instant.EPOCH, "nan", Double.NaN));

        assertThat(stored).containsEntry("set", List.of("x"))
                .containsEntry("array", Arrays.asList(1, 2))
                .containsEntry("time", "1970-01-01T00:00:00Z")
                .containsEntry("nan", null);
    }

    @Test
    void damagedTextFailsTyped() {
        assertThatThrownBy(() -> JsonText.readObject("{\"a\": ")).isInstanceOf(PersistenceException.class);
        assertThatThrownBy(() -> JsonText.readObject("[1]")).isInstanceOf(PersistenceException.class);
        assertThatThrownBy(() -> JsonText.readObject("{} x")).isInstanceOf(PersistenceException.class);
    }

    @Test
    void readsJsonWrittenByOthersWithSpacesAndEscapes() {
        assertThat(JsonText.readObject(" { \"a\" : [ 1 , 2.0e1 ] , \"u\" : \"\\u00fc\\/\" } "))
                .containsEntry("a", List.of(1, 20.0)).containsEntry("u", "ü/");
    }
}
