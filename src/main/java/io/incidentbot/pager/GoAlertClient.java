package io.incidentbot.pager;

import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.time.Clock;

/**
 * GoAlert's generic API (GoAlert {@code docs/integration-keys.md}, "Generic API"): {@code POST} to the
 * integration key URL ({@code GOALERT_URL}, {@code .../api/v2/generic/incoming?token=...}) with form fields
 * {@code summary} (sent as SMS and voice), {@code details}, {@code dedup} = the incident's {@link DedupKey}, and
 * {@code action=close} to close. The body is {@code application/x-www-form-urlencoded} (GoAlert reads
 * parameters from the query or the body, the body taking precedence); {@code Accept: application/json} makes it
 * answer {@code {"AlertID":10,"ServiceID":"..","IsNew":true}} instead of 204.
 */
public final class GoAlertClient implements Pager {
    private final HttpUrl url;
    private final PagerHttp http;

    /**
     * @param url   {@code GOALERT_URL}, with its {@code token}
     * @param http  the client
     * @param clock "now" for an HTTP-date {@code Retry-After}
     */
    public GoAlertClient(HttpUrl url, OkHttpClient http, Clock clock) {
        this.url = url;
        this.http = new PagerHttp(http, clock);
    }

    @Override
    public PagerKind kind() {
        return PagerKind.GOALERT;
    }

    @Override
    public Delivery trigger(PageRequest page) {
        return send(new FormBody.Builder().add("summary", page.summary()).add("details", page.details())
                .add("dedup", page.dedupKey()).build());
    }

    @Override
    public Delivery resolve(PageRequest page) {
        return send(new FormBody.Builder().add("summary", page.summary()).add("dedup", page.dedupKey())
                .add("action", "close").build());
    }

    private Delivery send(FormBody body) {
        Request request = new Request.Builder().url(url).header("Accept", "application/json").post(body).build();
        return http.call("GoAlert", request, json -> PagerHttp.text(json, "AlertID"), json -> PagerHttp.text(json, "message"));
    }
}
