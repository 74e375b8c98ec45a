package dev.cnn.backend.cpu.reuse;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.tensor.Shape;
import java.util.Random;
import java.util.stream.IntStream;

/** Random images with random labels: training on them exercises every kernel of a step. */
final class ReuseTestData {
    private ReuseTestData() {
    }

    static Dataset random(Shape sample, int count, int classes, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * sample.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        int[] labels = IntStream.range(0, count).map(i -> random.nextInt(classes)).toArray();
        return new Dataset(sample, pixels, labels, IntStream.range(0, classes).mapToObj(Integer::toString).toList());
    }

    static int[] batch(int number, int size) {
        return IntStream.range(number * size, (number + 1) * size).toArray();
    }
}
