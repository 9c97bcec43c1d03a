package app.xerosim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** The most recent requests the simulator answered, oldest first; bounded by a setting. */
public final class RequestLog {

    private final int capacity;
    private final Deque<LoggedRequest> entries = new ArrayDeque<>();

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized List<LoggedRequest> entries() {
        return List.copyOf(entries);
    }

    public List<LoggedRequest> entries(Predicate<LoggedRequest> filter) {
        return entries().stream().filter(filter).toList();
    }

    /** Requests whose method matches and whose path equals {@code path} ignoring case. */
    public List<LoggedRequest> entries(String method, String path) {
        return entries(e -> e.method().equals(method) && e.path().equalsIgnoreCase(path));
    }

    public synchronized void clear() {
        entries.clear();
    }

    synchronized void add(LoggedRequest entry) {
        entries.addLast(entry);
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }
}
