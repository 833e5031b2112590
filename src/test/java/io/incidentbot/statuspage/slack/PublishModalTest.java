package io.incidentbot.statuspage.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.incidentbot.statuspage.Component;
import io.incidentbot.statuspage.ComponentState;
import io.incidentbot.statuspage.PublicStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublishModalTest {
    static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    static List<Component> components(int n) {
        List<Component> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new Component(String.format("c%011d", i), i % 2 == 0 ? "Web" : null, "Component " + i, i,
                    ComponentState.OPERATIONAL, T, T));
        }
        return out;
    }

    @Test
    void isPrefilledAndWithinSlacksLimitsEvenWithManyComponents() {
        View v = PublishModal.build(42, "x".repeat(300), PublicStatus.IDENTIFIED, components(150));
        assertThat(v.getTitle().getText().length()).isLessThanOrEqualTo(24);
        assertThat(v.getSubmit().getText().length()).isLessThanOrEqualTo(24);
        assertThat(v.getBlocks()).hasSizeLessThanOrEqualTo(100);
        assertThat(v.getPrivateMetadata()).isEqualTo("42");
        InputBlock title = (InputBlock) v.getBlocks().get(0);
        assertThat(((com.slack.api.model.block.element.PlainTextInputElement) title.getElement()).getInitialValue()).hasSize(200);
        InputBlock status = (InputBlock) v.getBlocks().get(v.getBlocks().size() - 2);
        assertThat(((StaticSelectElement) status.getElement()).getInitialOption().getValue()).isEqualTo("identified");
        for (var b : v.getBlocks()) {
            InputBlock in = (InputBlock) b;
            assertThat(in.getBlockId().length()).isLessThanOrEqualTo(255);
            if (in.getElement() instanceof StaticSelectElement s) {
                assertThat(s.getOptions()).hasSizeLessThanOrEqualTo(100);
                for (OptionObject o : s.getOptions()) {
                    assertThat(o.getText().getText().length()).isLessThanOrEqualTo(75);
                    assertThat(o.getValue().length()).isLessThanOrEqualTo(150);
                }
                assertThat(s.getOptions()).contains(s.getInitialOption());
            }
        }
        assertThat(v.getBlocks().stream().map(b -> ((InputBlock) b).getBlockId()).distinct()).hasSize(v.getBlocks().size());
        assertThat(((InputBlock) v.getBlocks().get(2)).getLabel().getText()).isEqualTo("Web/Component 2");
    }

    static ViewState.Value text(String v) {
        ViewState.Value x = new ViewState.Value();
        x.setValue(v);
        return x;
    }

    static ViewState.Value select(String v) {
        ViewState.Value x = new ViewState.Value();
        ViewState.SelectedOption o = new ViewState.SelectedOption();
        o.setValue(v);
        x.setSelectedOption(o);
        return x;
    }

    static ViewState state(Map<String, ViewState.Value> byBlock) {
        Map<String, Map<String, ViewState.Value>> values = new HashMap<>();
        byBlock.forEach((k, v) -> values.put(k, Map.of(k, v)));
        ViewState s = new ViewState();
        s.setValues(values);
        return s;
    }

    @Test
    void aSubmissionBecomesAPublicationWithOnlyTheAffectedComponents() {
        var s = PublishModal.read(state(Map.of(
                "public_title", text("  Errors <when> signing in "),
                "public_status", select("investigating"),
                "public_message", text("We are looking. <script>"),
                "component_c00000000001", select("major_outage"),
                "component_c00000000002", select("not_affected"))), "42");
        assertThat(s.errors()).isEmpty();
        assertThat(s.incident()).isEqualTo(42);
        assertThat(s.publication().title()).isEqualTo("Errors <when> signing in");
        assertThat(s.publication().message()).isEqualTo("We are looking. <script>");
        assertThat(s.publication().status()).isEqualTo(PublicStatus.INVESTIGATING);
        assertThat(s.publication().components()).containsExactly(Map.entry("c00000000001", ComponentState.MAJOR_OUTAGE));
    }

    @Test
    void aMissingTitleOrMessageIsShownUnderItsField() {
        var s = PublishModal.read(state(Map.of("public_title", text(" "), "public_status", select("monitoring"))), "nope");
        assertThat(s.errors()).containsOnlyKeys("public_title", "public_message");
        assertThat(s.publication()).isNull();
        assertThat(s.incident()).isEqualTo(-1);
    }
}
