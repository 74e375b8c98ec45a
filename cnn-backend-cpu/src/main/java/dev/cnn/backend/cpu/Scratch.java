package dev.cnn.backend.cpu;

/**
 * Per-thread working buffers that only grow, so that the kernels allocate nothing once they have run
 * at their largest size. A buffer belongs to one {@link Slot}; a kernel takes a slot for as long as it
 * runs and never calls another kernel that takes the same slot on the same thread. Slots named
 * {@code CALLER_*} are taken by the thread that called the backend and may be read by its tasks;
 * {@code TASK_*} slots are taken inside one task.
 */
final class Scratch {
    /** What a buffer is used for. */
    enum Slot { CALLER_PACKED_A, CALLER_PACKED_B, CALLER_PARTIALS, TASK_PACKED_B, TASK_COLUMNS, TASK_TILE, TASK_PADDED }

    private static final ThreadLocal<int[][]> INDEX_BUFFERS = ThreadLocal.withInitial(() -> new int[1][]);
    private static final ThreadLocal<float[][]> BUFFERS =
            ThreadLocal.withInitial(() -> new float[Slot.values().length][]);

    private Scratch() {
    }

    /** This thread's buffer for {@code slot}, at least {@code size} floats long; its contents are undefined. */
    static float[] floats(Slot slot, int size) {
        float[][] buffers = BUFFERS.get();
        float[] buffer = buffers[slot.ordinal()];
        if (buffer == null || buffer.length < size) {
            buffer = new float[Math.max(size, buffer == null ? 0 : buffer.length + buffer.length / 2)];
            buffers[slot.ordinal()] = buffer;
        }
        return buffer;
    }

    /** This thread's one index buffer, at least {@code size} long, for a table a kernel builds and uses without calling another kernel. */
    static int[] ints(int size) {
        int[][] holder = INDEX_BUFFERS.get();
        if (holder[0] == null || holder[0].length < size) {
            holder[0] = new int[size];
        }
        return holder[0];
    }
}
