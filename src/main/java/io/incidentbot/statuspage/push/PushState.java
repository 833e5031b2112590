package io.incidentbot.statuspage.push;

import io.incidentbot.statuspage.ComponentState;
import io.incidentbot.statuspage.PublicStatus;

import java.util.Map;

/**
 * What a hosted page should show for one published incident after a push: its public title and status, the
 * public text not pushed yet (several queued updates coalesced into one, oldest first, so none is lost), and its
 * components' states by our component name.
 *
 * @param title      public title
 * @param status     public status
 * @param body       the public updates not yet pushed, joined by blank lines
 * @param components our component name to its state
 */
public record PushState(String title, PublicStatus status, String body, Map<String, ComponentState> components) {
}
