package io.incidentbot.statuspage.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.element.DatetimePickerElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceModalTest {
    static final Instant NOW = Instant.parse("2026-03-10T12:20:00Z");

    @Test
    void offersTheComponentsAndStartsAtTheNextHour() {
        View v = MaintenanceModal.build(PublishModalTest.components(120), NOW);
        assertThat(v.getTitle().getText().length()).isLessThanOrEqualTo(24);
        InputBlock start = (InputBlock) v.getBlocks().get(2);
        assertThat(((DatetimePickerElement) start.getElement()).getInitialDateTime())
                .isEqualTo((int) Instant.parse("2026-03-10T13:00:00Z").getEpochSecond());
        var select = (com.slack.api.model.block.element.MultiStaticSelectElement) ((InputBlock) v.getBlocks().get(1)).getElement();
        assertThat(select.getOptions()).hasSize(100);
    }

    static ViewState state(String name, String message, Long start, Long end, List<String> components) {
        Map<String, Map<String, ViewState.Value>> values = new HashMap<>();
        ViewState.Value n = new ViewState.Value();
        n.setValue(name);
        values.put("maintenance_name", Map.of("maintenance_name", n));
        ViewState.Value m = new ViewState.Value();
        m.setValue(message);
        values.put("maintenance_message", Map.of("maintenance_message", m));
        ViewState.Value s = new ViewState.Value();
        s.setSelectedDateTime(start == null ? null : start.intValue());
        values.put("maintenance_start", Map.of("maintenance_start", s));
        ViewState.Value e = new ViewState.Value();
        e.setSelectedDateTime(end == null ? null : end.intValue());
        values.put("maintenance_end", Map.of("maintenance_end", e));
        ViewState.Value c = new ViewState.Value();
        c.setSelectedOptions(components.stream().map(id -> {
            ViewState.SelectedOption o = new ViewState.SelectedOption();
            o.setValue(id);
            return o;
        }).toList());
        values.put("maintenance_components", Map.of("maintenance_components", c));
        ViewState st = new ViewState();
        st.setValues(values);
        return st;
    }

    @Test
    void readsAWindowAndRefusesOneEndingBeforeItStarts() {
        long start = Instant.parse("2026-03-11T22:00:00Z").getEpochSecond();
        var ok = MaintenanceModal.read(state(" DB upgrade ", "Writes pause", start, start + 5400, List.of("c00000000001")), NOW);
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.name()).isEqualTo("DB upgrade");
        assertThat(ok.end()).isEqualTo(Instant.parse("2026-03-11T23:30:00Z"));
        assertThat(ok.components()).containsExactly("c00000000001");
        var bad = MaintenanceModal.read(state("x", " ", start, start, List.of()), NOW);
        assertThat(bad.errors()).containsOnlyKeys("maintenance_end", "maintenance_message");
        var past = MaintenanceModal.read(state("x", "y", NOW.minusSeconds(7200).getEpochSecond(), start, List.of()), NOW);
        assertThat(past.errors()).containsOnlyKeys("maintenance_start");
    }
}
