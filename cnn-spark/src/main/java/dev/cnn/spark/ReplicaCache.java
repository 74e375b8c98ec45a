package dev.cnn.spark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The replicas of this executor JVM, one per run and partition (tasks of one executor run in parallel threads, each
 * on its own replica). Bounded: the least recently used replicas of finished runs are dropped.
 */
final class ReplicaCache {
    private static final int MAX_REPLICAS = 32;
    private static final Map<String, Replica> REPLICAS = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Replica> eldest) {
            return size() > MAX_REPLICAS;
        }
    };

    private ReplicaCache() {
    }

    /** The replica of partition {@code partition} of run {@code runId}, built on first use. */
    static Replica get(String runId, int partition, NetworkSpec spec) {
        String key = runId + "/" + partition;
        synchronized (REPLICAS) {
            Replica replica = REPLICAS.get(key);
            if (replica != null) {
                return replica;
            }
        }
        Replica built = new Replica(spec);
        synchronized (REPLICAS) {
            return REPLICAS.merge(key, built, (old, fresh) -> old);
        }
    }

    /** Forgets the replicas of {@code runId} in this JVM (the driver's, in local mode). */
    static void forget(String runId) {
        synchronized (REPLICAS) {
            REPLICAS.keySet().removeIf(k -> k.startsWith(runId + "/"));
        }
    }
}
