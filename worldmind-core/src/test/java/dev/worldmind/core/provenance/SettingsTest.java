package dev.worldmind.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private record Knobs(
            int factors, double lambda, long seed, DayOfWeek day, List<Integer> hidden) {}

    @Test
    void listsARecordsComponentsInDeclarationOrder() {
        Map<String, Object> m = Settings.of(new Knobs(64, 0.2, 42L, DayOfWeek.MONDAY, List.of(8)));

        assertThat(m)
                .containsExactly(
                        Map.entry("factors", 64),
                        Map.entry("lambda", 0.2),
                        Map.entry("seed", 42L),
                        Map.entry("day", DayOfWeek.MONDAY),
                        Map.entry("hidden", List.of(8)));
    }

    @Test
    void listsNothingForARecordWithoutComponents() {
        record None() {}

        assertThat(Settings.of(new None())).isEmpty();
    }
}
