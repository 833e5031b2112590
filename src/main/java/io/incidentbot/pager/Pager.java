package io.incidentbot.pager;

/**
 * One external pager. Implementations make one HTTP call per method, never throw for an HTTP or network
 * failure (they classify it in the {@link Delivery}), and never log or return their key.
 */
public interface Pager {
    /** @return which pager this is */
    PagerKind kind();

    /**
     * Opens (or re-triggers) the alert of {@link PageRequest#dedupKey()}.
     *
     * @return accepted, retry (429/5xx/network, with {@code Retry-After}) or fail (any other 4xx, with the pager's error)
     */
    Delivery trigger(PageRequest page);

    /**
     * Resolves (closes) the alert of {@code page.dedupKey()}.
     *
     * @return as {@link #trigger}
     */
    Delivery resolve(PageRequest page);
}
