package io.incidentbot.testkit;

import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for GoAlert's generic API ({@code POST /api/v2/generic/incoming?token=..}, GoAlert
 * {@code docs/integration-keys.md}): parameters from the query or a form body (the body wins); {@code token} must
 * be {@link #TOKEN} (else 401), {@code summary} is required (else 400); {@code dedup} names the alert and
 * {@code action=close} closes it. Answers 204, or {@code {"AlertID":n,"ServiceID":"..","IsNew":bool}} with
 * {@code Accept: application/json}.
 */
public final class GoAlertStandIn extends PagerStandIn {
    /** The integration key tests configure. */
    public static final String TOKEN = "a4f6d6d1-5f1e-4d0e-9c77-2b7c1e0b9a10";
    private static final String SERVICE = "00000000-0000-0000-0000-000000000001";

    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final Map<String, String> state = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(10);

    /** @return {@code GOALERT_URL} pointing here, with the token */
    public HttpUrl integrationUrl() {
        return baseUrl().resolve("/api/v2/generic/incoming?token=" + TOKEN);
    }

    /** @return the alert's state by dedup: {@code active} or {@code closed}; null when none */
    public String alert(String dedup) {
        return state.get(dedup);
    }

    @Override
    protected MockResponse answer(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        if (!"/api/v2/generic/incoming".equals(url.encodedPath()) || !"POST".equals(request.getMethod())) {
            return new MockResponse().setResponseCode(404).setBody("not found\n");
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            params.put(name, url.queryParameter(name));
        }
        params.putAll(form(request.getBody().clone().readUtf8()));
        if (!TOKEN.equals(params.get("token"))) {
            return new MockResponse().setResponseCode(401).setBody("unauthorized\n");
        }
        String summary = params.getOrDefault("summary", "");
        if (summary.isBlank()) {
            return new MockResponse().setResponseCode(400).setBody("summary: must not be empty\n");
        }
        String dedup = params.getOrDefault("dedup", summary + "\n" + params.getOrDefault("details", ""));
        boolean json = "application/json".equals(request.getHeader("Accept"));
        if ("close".equals(params.get("action"))) {
            open.remove(dedup);
            state.put(dedup, "closed");
            return new MockResponse().setResponseCode(204);
        }
        boolean isNew = !open.containsKey(dedup);
        int id = open.computeIfAbsent(dedup, k -> ids.incrementAndGet());
        state.put(dedup, "active");
        return json ? json(200, "{\"AlertID\":" + id + ",\"ServiceID\":\"" + SERVICE + "\",\"IsNew\":" + isNew + "}")
                : new MockResponse().setResponseCode(204);
    }
}
