package app.kontor.shared;

import java.util.List;
import java.util.function.Function;

/** One page of results with the total count, so a list can say "41–50 of 123". */
public record Page<T>(List<T> items, PageRequest request, long totalItems) {

    public Page {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) Math.max(1, (totalItems + request.size() - 1) / request.size());
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }

    public boolean hasNext() {
        return request.page() < totalPages();
    }

    public long firstItemNumber() {
        return items.isEmpty() ? 0 : request.offset() + 1;
    }

    public long lastItemNumber() {
        return request.offset() + items.size();
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), request, totalItems);
    }
}
