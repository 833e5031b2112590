package io.incidentbot.reminders;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.store.Leader;
import io.incidentbot.store.Storage;
import io.incidentbot.store.StorageUnavailableException;
import io.incidentbot.testkit.Units;
import io.incidentbot.trackers.TrackerSettings;
import io.incidentbot.trackers.slack.FollowUpReminderDms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, "one line per state change": while the database is unavailable (the storage logged that once), the
 * schedulers' ticks (reminder check, overdue follow-up reminder check, lease renewal) write no WARN each; other
 * failures still do.
 */
class OutageTicksLogTest {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));

    OutageTicksLogTest() {
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void detach() {
        root.detachAppender(appender);
    }

    /** A database that fails every transaction with {@code failure}. */
    private static Storage failing(RuntimeException failure) {
        return new Storage() {
            @Override
            public <T> T transaction(Work<T> work) {
                throw failure;
            }

            @Override
            public void close() {
            }
        };
    }

    private List<String> warnings() {
        return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(e -> e.getLoggerName().equals(ReminderService.class.getName())
                        || e.getLoggerName().equals(Leader.class.getName())
                        || e.getLoggerName().equals(FollowUpReminderDms.class.getName()))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private void tick(Storage storage, int times) {
        ReminderService reminders = new ReminderService(Units.slack(storage, clock, false), ReminderServiceTest.POLICY);
        Runnable lease = new Leader(storage, clock, "test-holder").every("reminders", Duration.ofSeconds(30),
                Duration.ofSeconds(90), () -> { });
        FollowUpReminderDms followUps = new FollowUpReminderDms(null, storage, null, TrackerSettings.fromEnv(Map.of()), clock,
                ZoneOffset.UTC);
        for (int i = 0; i < times; i++) {
            reminders.sendDueQuietly();
            followUps.sendDueQuietly();
            lease.run();
            clock.advance(Duration.ofSeconds(30));
        }
    }

    @Test
    void ticksDuringADatabaseOutageWriteNoWarningEach() {
        tick(failing(new StorageUnavailableException("the database is unavailable: SQL state 08006", null)), 10);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void otherFailuresAreStillWarnedAtEachTick() {
        tick(failing(new IllegalStateException("column \"due_at\" does not exist")), 3);
        assertThat(warnings()).filteredOn(w -> w.startsWith("reminder check failed")).hasSize(3);
        assertThat(warnings()).filteredOn(w -> w.startsWith("cannot take lease reminders")).hasSize(3);
        assertThat(warnings()).filteredOn(w -> w.startsWith("follow-up reminder check failed")).hasSize(3);
    }
}
