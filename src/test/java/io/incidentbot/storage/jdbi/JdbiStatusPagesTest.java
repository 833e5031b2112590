package io.incidentbot.storage.jdbi;

import io.incidentbot.statuspage.Component;
import io.incidentbot.statuspage.ComponentState;
import io.incidentbot.statuspage.Indicator;
import io.incidentbot.statuspage.Maintenance;
import io.incidentbot.statuspage.PublicIds;
import io.incidentbot.statuspage.PublicStatus;
import io.incidentbot.statuspage.PublicUpdate;
import io.incidentbot.statuspage.PublishedIncident;
import io.incidentbot.statuspage.StateInterval;
import io.incidentbot.store.Repositories;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbiStatusPagesTest extends SqliteTest {

    Component add(String group, String name, int position) {
        Component c = new Component(PublicIds.next(), group, name, position, ComponentState.OPERATIONAL, T0, T0);
        run(r -> r.statusPage().addComponent(c));
        return c;
    }

    boolean bool(io.incidentbot.store.Storage.Work<Boolean> work) {
        return storage.transaction(work);
    }

    List<Component> components() {
        return storage.read((Repositories r) -> r.statusPage().components());
    }

    @Test
    void componentsAreListedByPositionAndARemovedOneDisappears() {
        Component api = add(null, "API", 2);
        Component web = add("Frontend", "Web", 1);
        assertThat(components()).containsExactly(web, api);
        assertThat(components().get(0).fullName()).isEqualTo("Frontend/Web");
        assertThat(bool(r -> r.statusPage().removeComponent(web.id(), T0.plusSeconds(5)))).isTrue();
        assertThat(bool(r -> r.statusPage().removeComponent(web.id(), T0.plusSeconds(6)))).isFalse();
        assertThat(components()).containsExactly(api);
        add("Frontend", "Web", 3); // the name is free again
        assertThatThrownBy(() -> add(null, "API", 4)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void stateChangesRecordTheNonOperationalIntervals() {
        Component api = add(null, "API", 1);
        assertThat(bool(r -> r.statusPage().setComponentState(api.id(), ComponentState.DEGRADED_PERFORMANCE, T0.plusSeconds(60)))).isTrue();
        assertThat(bool(r -> r.statusPage().setComponentState(api.id(), ComponentState.DEGRADED_PERFORMANCE, T0.plusSeconds(70)))).isFalse();
        run(r -> r.statusPage().setComponentState(api.id(), ComponentState.MAJOR_OUTAGE, T0.plusSeconds(120)));
        run(r -> r.statusPage().setComponentState(api.id(), ComponentState.OPERATIONAL, T0.plusSeconds(600)));
        run(r -> r.statusPage().setComponentState(api.id(), ComponentState.PARTIAL_OUTAGE, T0.plusSeconds(900)));
        assertThat(storage.read((Repositories r) -> r.statusPage().intervalsSince(T0))).containsExactly(
                new StateInterval(api.id(), ComponentState.DEGRADED_PERFORMANCE, T0.plusSeconds(60), T0.plusSeconds(120)),
                new StateInterval(api.id(), ComponentState.MAJOR_OUTAGE, T0.plusSeconds(120), T0.plusSeconds(600)),
                new StateInterval(api.id(), ComponentState.PARTIAL_OUTAGE, T0.plusSeconds(900), null));
        assertThat(storage.read((Repositories r) -> r.statusPage().intervalsSince(T0.plusSeconds(700))))
                .extracting(StateInterval::state).containsExactly(ComponentState.PARTIAL_OUTAGE);
        Component now = components().get(0);
        assertThat(now.state()).isEqualTo(ComponentState.PARTIAL_OUTAGE);
        assertThat(now.updatedAt()).isEqualTo(T0.plusSeconds(900));
    }

    @Test
    void aPublishedIncidentKeepsItsPublicTitleUpdatesAndComponentsApartFromTheIncident() {
        long n = declare("internal: db-7 disk full on shard 3");
        Component api = add(null, "API", 1);
        Component web = add(null, "Web", 2);
        Map<String, ComponentState> affected = new LinkedHashMap<>();
        affected.put(web.id(), ComponentState.DEGRADED_PERFORMANCE);
        affected.put(api.id(), ComponentState.MAJOR_OUTAGE);
        PublishedIncident published = new PublishedIncident(PublicIds.next(), n, "Errors on the API", PublicStatus.INVESTIGATING,
                Indicator.CRITICAL, affected, T0, T0, null, null);
        run(r -> r.statusPage().addIncident(published));
        PublicUpdate first = new PublicUpdate(PublicIds.next(), published.publicId(), PublicStatus.INVESTIGATING, "We are looking", T0);
        PublicUpdate second = new PublicUpdate(PublicIds.next(), published.publicId(), PublicStatus.IDENTIFIED, "Found it <b>", T0.plusSeconds(60));
        run(r -> r.statusPage().addUpdate(first));
        run(r -> r.statusPage().addUpdate(second));

        PublishedIncident stored = storage.read((Repositories r) -> r.statusPage().incidentOf(n)).orElseThrow();
        assertThat(stored).isEqualTo(published);
        assertThat(stored.affected().keySet()).containsExactly(api.id(), web.id()); // page order
        assertThat(storage.read((Repositories r) -> r.statusPage().incident(published.publicId()))).contains(published);
        assertThat(storage.read((Repositories r) -> r.statusPage().updates(List.of(published.publicId(), "nothing00000"))))
                .containsEntry(published.publicId(), List.of(second, first))
                .containsEntry("nothing00000", List.of());
        assertThat(incident(n).title()).isEqualTo("internal: db-7 disk full on shard 3");

        PublishedIncident resolved = new PublishedIncident(published.publicId(), n, "Errors on the API (fixed)", PublicStatus.RESOLVED,
                Indicator.CRITICAL, Map.of(api.id(), ComponentState.MAJOR_OUTAGE), T0, T0.plusSeconds(600), T0.plusSeconds(300),
                T0.plusSeconds(600));
        run(r -> r.statusPage().updateIncident(resolved));
        assertThat(storage.read((Repositories r) -> r.statusPage().incidentOf(n))).contains(resolved);
        assertThat(storage.read((Repositories r) -> r.statusPage().unresolvedIncidents())).isEmpty();
        assertThat(storage.read((Repositories r) -> r.statusPage().recentIncidents(10))).containsExactly(resolved);
        assertThat(storage.read((Repositories r) -> r.statusPage().incidentsBetween(T0, T0.plusSeconds(1)))).containsExactly(resolved);
        assertThat(storage.read((Repositories r) -> r.statusPage().incidentsBetween(T0.plusSeconds(1), T0.plusSeconds(9)))).isEmpty();
    }

    @Test
    void anIncidentIsPublishedOnceAndRemembersItsHostedPageIds() {
        long n = declare("x");
        String id = PublicIds.next();
        run(r -> r.statusPage().addIncident(new PublishedIncident(id, n, "t", PublicStatus.INVESTIGATING, Indicator.MINOR, Map.of(),
                T0, T0, null, null)));
        assertThatThrownBy(() -> run(r -> r.statusPage().addIncident(new PublishedIncident(PublicIds.next(), n, "t",
                PublicStatus.INVESTIGATING, Indicator.MINOR, Map.of(), T0, T0, null, null)))).isInstanceOf(RuntimeException.class);
        assertThat(storage.read((Repositories r) -> r.statusPage().remoteId(id, "statuspage"))).isEmpty();
        run(r -> r.statusPage().setRemoteId(id, "statuspage", "p31zjtct2jer"));
        run(r -> r.statusPage().setRemoteId(id, "cachet", "42"));
        assertThat(storage.read((Repositories r) -> r.statusPage().remoteId(id, "statuspage"))).contains("p31zjtct2jer");
        assertThat(storage.read((Repositories r) -> r.statusPage().remoteId(id, "cachet"))).contains("42");
    }

    @Test
    void maintenancesAreListedByStartUntilTheyEnd() {
        Component api = add(null, "API", 1);
        Component web = add(null, "Web", 2);
        Maintenance later = new Maintenance(PublicIds.next(), "Network", "No impact expected", T0.plusSeconds(7200),
                T0.plusSeconds(9000), List.of(web.id(), api.id()), T0, "U1");
        Maintenance sooner = new Maintenance(PublicIds.next(), "DB upgrade", "Writes pause", T0.plusSeconds(60),
                T0.plusSeconds(600), List.of(), T0, "U1");
        run(r -> r.statusPage().addMaintenance(later));
        run(r -> r.statusPage().addMaintenance(sooner));
        List<Maintenance> all = storage.read((Repositories r) -> r.statusPage().maintenancesEndingAfter(T0));
        assertThat(all).extracting(Maintenance::name).containsExactly("DB upgrade", "Network");
        assertThat(all.get(1).componentIds()).containsExactly(api.id(), web.id());
        assertThat(storage.read((Repositories r) -> r.statusPage().maintenancesEndingAfter(T0.plusSeconds(600))))
                .extracting(Maintenance::name).containsExactly("Network");
    }
}
