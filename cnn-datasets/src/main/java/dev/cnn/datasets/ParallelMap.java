package dev.cnn.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Applies a function to every item of a list on a few threads and returns the results in the list's order, telling a
 * callback on the calling thread how many are done as each finishes.
 */
final class ParallelMap {
    private ParallelMap() {
    }

    /** A callback told how many of how many items are done. */
    interface Progress {
        void done(int done, int total);
    }

    static <T, R> List<R> map(List<T> items, Function<T, R> function, int threads, Progress progress) {
        int n = items.size();
        List<R> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(null);
        }
        if (n == 0) {
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
            Thread t = new Thread(r, "cnn-image-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < n; i++) {
                int index = i;
                done.submit(() -> {
                    results.set(index, function.apply(items.get(index)));
                    return index;
                });
            }
            for (int k = 1; k <= n; k++) {
                Future<Integer> finished = done.take();
                finished.get();
                progress.done(k, n);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading images", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
