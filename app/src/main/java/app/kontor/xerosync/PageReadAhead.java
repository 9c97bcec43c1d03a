package app.kontor.xerosync;

import app.kontor.xero.XeroConnectionException;
import app.kontor.xero.XeroContactPage;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * The next page of a read, asked of Xero while the current one is written: a page says where the
 * cursor goes next (DESIGN §5) as soon as it is parsed, so the call and its parsing need not wait for
 * the page's transaction, and a wait for Xero's minute limit passes while Kontor works. What is read
 * ahead is only used for the request it was made for; closing throws away what was not taken (a
 * wait for the limit is interrupted, a call under way is answered to no one).
 */
final class PageReadAhead implements AutoCloseable {

    /** Which page of which read: the page number and the If-Modified-Since it is asked with. */
    record Request(int page, @Nullable Instant modifiedSince) {

        /** The request for the cursor (second, page): If-Modified-Since is a second before its second. */
        static Request at(@Nullable Instant cursorSecond, int page) {
            return new Request(page, cursorSecond == null ? null : cursorSecond.minusSeconds(1));
        }
    }

    private @Nullable Request request;
    private @Nullable FutureTask<XeroContactPage> page;

    /** Starts reading the page for {@code next} on a thread of its own. */
    void start(Request next, Callable<XeroContactPage> read) {
        close();
        var task = new FutureTask<>(read);
        request = next;
        page = task;
        Thread.ofVirtual().name("xero-read-ahead").start(task);
    }

    /**
     * The page read ahead for {@code wanted}, waiting for it if need be, or null when none was read
     * for it; a failure of the read (Xero's limit, Xero unreachable) is thrown as the read would have.
     */
    @Nullable
    XeroContactPage take(Request wanted) {
        var task = page;
        var madeFor = request;
        page = null;
        request = null;
        if (task == null) {
            return null;
        }
        if (!wanted.equals(madeFor)) {
            task.cancel(true);
            return null;
        }
        try {
            return task.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new XeroConnectionException("Interrupted while reading Xero's contacts.");
        }
    }

    @Override
    public void close() {
        if (page != null) {
            page.cancel(true);
        }
        page = null;
        request = null;
    }
}
