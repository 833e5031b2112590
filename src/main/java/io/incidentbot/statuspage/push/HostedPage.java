package io.incidentbot.statuspage.push;

/** A hosted status page the bot pushes published incidents to (Statuspage, Cachet). */
public interface HostedPage {
    /** @return {@code statuspage} or {@code cachet}: the provider's name in storage and job kinds */
    String provider();

    /** @return the key requests are paced by (one per credential) */
    String rateKey();

    /** Creates the incident there. @return done with its ID there, retry or fail */
    PushResult create(PushState state);

    /** Updates the incident it knows as {@code remoteId}. @return done, retry or fail */
    PushResult update(String remoteId, PushState state);
}
