package io.incidentbot.postmortem;

import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import io.incidentbot.store.TimelineRepository;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real storage, with a count of calls to each {@link TimelineRepository} method, so a test can
 * tell how many times the timeline was read and whether anything was looked up entry by entry.
 */
final class CountingStorage implements Storage {
    private final Storage real;
    private final Map<String, Integer> timelineCalls = new ConcurrentHashMap<>();

    CountingStorage(Storage real) {
        this.real = real;
    }

    /** @return how many times {@code TimelineRepository.<method>} was called */
    int timelineCalls(String method) {
        return timelineCalls.getOrDefault(method, 0);
    }

    /** @return calls to any {@link TimelineRepository} method */
    int allTimelineCalls() {
        return timelineCalls.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public <T> T transaction(Work<T> work) {
        return real.transaction(r -> work.run(proxy(Repositories.class, r, (p, m, args) -> {
            Object result = invoke(m, r, args);
            return m.getName().equals("timeline") ? counting((TimelineRepository) result) : result;
        })));
    }

    private TimelineRepository counting(TimelineRepository timeline) {
        return proxy(TimelineRepository.class, timeline, (p, m, args) -> {
            timelineCalls.merge(m.getName(), 1, Integer::sum);
            return invoke(m, timeline, args);
        });
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        real.close();
    }
}
