package app.kontor.shared;

/** A one-based page number and a page size, clamped to sane bounds. */
public record PageRequest(int page, int size) {

    public static final int MAX_PAGE_SIZE = 200;

    public PageRequest {
        page = Math.max(1, page);
        size = Math.clamp(size, 1, MAX_PAGE_SIZE);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
