package io.incidentbot.pager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbot.incident.Severity;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.time.Clock;

/**
 * Jira Service Management Ops / Opsgenie alert API (Opsgenie "Alert API": Create Alert, Close Alert; JSM Ops keeps
 * the same API under its integration URL). Every call sends {@code Authorization: GenieKey <JSM_OPS_API_KEY>}.
 * Create: {@code POST <JSM_OPS_API_URL>} with {@code message} (at most 130 characters), {@code alias} = the
 * incident's {@link DedupKey} (at most 512), {@code description} (at most 15,000), {@code priority} {@code P1}..
 * {@code P4} from SEV1..SEV4, {@code source}, {@code tags} and {@code details}. Close:
 * {@code POST <JSM_OPS_API_URL>/{alias}/close?identifierType=alias} with {@code source} and {@code note}. The API
 * processes requests asynchronously and answers 202 {@code {"result":"Request will be processed","took":..,
 * "requestId":".."}}: a 202 is success. 400/401/403/404/422 fail with the answer's {@code message}.
 */
public final class JsmOpsClient implements Pager {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Longest {@code message} the Create Alert API takes. */
    public static final int MAX_MESSAGE = 130;
    private static final int MAX_DESCRIPTION = 15_000;

    private final HttpUrl url;
    private final String apiKey;
    private final PagerHttp http;

    /**
     * @param url    {@code JSM_OPS_API_URL}, the alerts collection (e.g. {@code https://api.opsgenie.com/v2/alerts})
     * @param apiKey {@code JSM_OPS_API_KEY}
     * @param http   the client
     * @param clock  "now" for an HTTP-date {@code Retry-After}
     */
    public JsmOpsClient(HttpUrl url, String apiKey, OkHttpClient http, Clock clock) {
        this.url = url;
        this.apiKey = apiKey;
        this.http = new PagerHttp(http, clock);
    }

    @Override
    public PagerKind kind() {
        return PagerKind.JSM_OPS;
    }

    /** @return {@code P1} for SEV1 .. {@code P4} for SEV4 */
    public static String priority(Severity s) {
        return "P" + (s.ordinal() + 1);
    }

    @Override
    public Delivery trigger(PageRequest page) {
        ObjectNode alert = PagerHttp.JSON.createObjectNode();
        alert.put("message", PageRequest.cut(page.summary(), MAX_MESSAGE));
        alert.put("alias", page.dedupKey());
        alert.put("description", PageRequest.cut(page.details(), MAX_DESCRIPTION));
        alert.put("priority", priority(page.severity()));
        alert.put("source", PagerDutyClient.SOURCE);
        alert.putArray("tags").add("incident-bot").add(page.severity().label());
        ObjectNode details = alert.putObject("details");
        details.put("incident", String.valueOf(page.incident()));
        details.put("severity", page.severity().name());
        details.put("status", page.status());
        if (page.channelUrl() != null) {
            details.put("channel", page.channelUrl());
        }
        return send(url, alert);
    }

    @Override
    public Delivery resolve(PageRequest page) {
        HttpUrl close = url.newBuilder().addPathSegment(page.dedupKey()).addPathSegment("close")
                .addQueryParameter("identifierType", "alias").build();
        ObjectNode body = PagerHttp.JSON.createObjectNode();
        body.put("source", PagerDutyClient.SOURCE);
        body.put("note", "Incident " + page.incident() + " resolved in Slack");
        return send(close, body);
    }

    private Delivery send(HttpUrl to, ObjectNode body) {
        Request request = new Request.Builder().url(to).header("Authorization", "GenieKey " + apiKey)
                .post(RequestBody.create(body.toString(), JSON)).build();
        return http.call("JSM Ops", request, json -> PagerHttp.text(json, "requestId"), JsmOpsClient::error);
    }

    /** {@code {"message":"...","took":0.0,"requestId":"..."}}, sometimes with {@code errors: {field: text}} */
    private static String error(JsonNode json) {
        String message = PagerHttp.text(json, "message");
        StringBuilder b = new StringBuilder(message == null ? "" : message);
        json.path("errors").fields().forEachRemaining(e ->
                b.append(b.length() == 0 ? "" : "; ").append(e.getKey()).append(": ").append(e.getValue().asText()));
        return b.toString();
    }
}
