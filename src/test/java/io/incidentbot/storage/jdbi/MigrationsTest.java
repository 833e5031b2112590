package io.incidentbot.storage.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration index that lets a restart skip Flyway: it must list exactly the migrations Flyway finds
 * (with Flyway's checksums), a current database must be recognised as such, and anything that Flyway
 * would catch (an edited migration) must still reach Flyway.
 */
class MigrationsTest {
    @TempDir
    Path dir;

    private HikariDataSource sqlite(String name) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl("jdbc:sqlite:" + dir.resolve(name));
        c.setMaximumPoolSize(1);
        return new HikariDataSource(c);
    }

    /** @return the index lines Flyway's own view of the migration folders gives, sorted */
    private List<String> indexFromFlyway() {
        List<String> lines = new ArrayList<>();
        try (HikariDataSource empty = sqlite("empty.db")) {
            for (String vendor : List.of("sqlite", "postgresql")) {
                for (MigrationInfo m : Flyway.configure().dataSource(empty)
                        .locations("classpath:db/common", "classpath:db/" + vendor).load().info().all()) {
                    String folder = Migrations.class.getClassLoader().getResource("db/common/" + m.getScript()) != null
                            ? "common" : vendor;
                    String line = folder + "/" + m.getScript() + " " + m.getChecksum();
                    if (!lines.contains(line)) {
                        lines.add(line);
                    }
                }
            }
        }
        lines.sort(Comparator.naturalOrder());
        return lines;
    }

    private static List<String> indexAsShipped() throws IOException {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(Migrations.INDEX)) {
            assertThat(in).as(Migrations.INDEX).isNotNull();
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void theIndexListsExactlyTheMigrationsFlywayFindsWithTheirChecksums() throws IOException {
        List<String> expected = indexFromFlyway();
        assertThat(indexAsShipped())
                .as("src/main/resources/" + Migrations.INDEX + " is out of date; its lines should be:\n"
                        + String.join("\n", expected) + "\n")
                .isEqualTo(expected);
    }

    @Test
    void aFreshDatabaseIsNotCurrentAndAMigratedOneIs() {
        try (HikariDataSource db = sqlite("bot.db")) {
            assertThat(Migrations.current(db, "sqlite")).isFalse();
            Migrations.migrate(db, "sqlite");
            assertThat(Migrations.current(db, "sqlite")).isTrue();
            assertThat(Migrations.current(db, "postgresql")).as("another vendor's set").isFalse();
        }
    }

    @Test
    void anEditedMigrationStillReachesFlywayWhichRefusesIt() throws Exception {
        try (HikariDataSource db = sqlite("bot.db")) {
            Migrations.migrate(db, "sqlite");
            try (var c = db.getConnection(); var s = c.createStatement()) {
                s.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
            }
            assertThat(Migrations.current(db, "sqlite")).isFalse();
            assertThatThrownBy(() -> Migrations.migrate(db, "sqlite")).isInstanceOf(FlywayException.class)
                    .hasMessageContaining("checksum");
        }
    }

    @Test
    void aFailedMigrationIsNeverTakenForCurrent() throws Exception {
        try (HikariDataSource db = sqlite("bot.db")) {
            Migrations.migrate(db, "sqlite");
            try (var c = db.getConnection(); var s = c.createStatement()) {
                s.executeUpdate("UPDATE flyway_schema_history SET success = 0 WHERE version = '2'");
            }
            assertThat(Migrations.current(db, "sqlite")).isFalse();
        }
    }
}
