package io.incidentbot.statuspage.slack;

import io.incidentbot.outbox.TestClock;
import io.incidentbot.statuspage.StatusPageService;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.store.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ComponentsCommandTest {
    @TempDir
    Path dir;
    Storage storage;
    ComponentsCommand command;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("incidents.db").toString());
        command = new ComponentsCommand(new StatusPageService(storage, new TestClock(Instant.parse("2026-03-10T12:00:00Z"))));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void addListRemove() {
        assertThat(command.run("list")).startsWith("The status page has no components yet.");
        assertThat(command.run("add API")).isEqualTo("Added API to the status page (operational).");
        assertThat(command.run("ADD Web / Login")).isEqualTo("Added Web/Login to the status page (operational).");
        assertThat(command.run("add api")).isEqualTo("There is already a component named api.");
        assertThat(command.run("")).isEqualTo("Components on the status page:\n- API: operational\n- Web/Login: operational");
        assertThat(command.run("remove login")).startsWith("Removed Web/Login from the status page");
        assertThat(command.run("remove nothing")).isEqualTo("There is no component named nothing.");
        assertThat(command.run("add a/b/c")).contains("more than one '/'");
        assertThat(command.run("add")).isEqualTo(ComponentsCommand.USAGE);
        assertThat(command.run("rename x")).isEqualTo(ComponentsCommand.USAGE);
        assertThat(command.run("list")).isEqualTo("Components on the status page:\n- API: operational");
    }
}
