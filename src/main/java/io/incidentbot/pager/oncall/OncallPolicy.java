package io.incidentbot.pager.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The on-call file's rotations and its escalation policy.
 *
 * @param rotations the rotations, in file order
 * @param steps     the escalation policy's steps, in order
 */
public record OncallPolicy(List<Rotation> rotations, List<Step> steps) {
    public OncallPolicy {
        rotations = List.copyOf(rotations);
        steps = List.copyOf(steps);
    }

    /**
     * One escalation step: the current on-call of {@code rotation}, or {@code users}, are messaged, and the next step
     * follows after {@code minutes} without an acknowledgement.
     *
     * @param rotation a rotation's name, or null when the step names users
     * @param users    Slack user IDs (empty when it names a rotation)
     * @param minutes  wait before the next step, 1..1440
     */
    public record Step(String rotation, List<String> users, int minutes) {
        public Step {
            users = List.copyOf(users);
        }

        /** @return the wait before the next step */
        public Duration waitFor() {
            return Duration.ofMinutes(minutes);
        }
    }

    /** @return the rotation named {@code name} */
    public Optional<Rotation> rotation(String name) {
        return rotations.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** @return the Slack user IDs step {@code index} (0-based) messages at {@code now} */
    public List<String> recipients(int index, Instant now) {
        Step s = steps.get(index);
        return s.rotation() == null ? s.users() : List.of(rotation(s.rotation()).orElseThrow().at(now).user());
    }
}
