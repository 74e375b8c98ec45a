package dev.cnn.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import dev.cnn.backend.cpu.CpuBackend;
import org.junit.jupiter.api.Test;

class ForeignTensorTest {
    private final Nd4jBackend nd4j = new Nd4jBackend();

    @Test
    void rejectsATensorOfAnotherBackendNamingItAndTheWayOver() {
        Tensor cpuTensor = new CpuBackend().tensor(new float[] {1, -2, 3}, Shape.of(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> nd4j.relu(cpuTensor));
        assertTrue(e.getMessage().contains("of backend 'cpu'"), e.getMessage());
        assertTrue(e.getMessage().contains("tensor(t.toArray(), t.shape())"), e.getMessage());
    }

    @Test
    void copiesValuesInThroughFloatArrays() {
        Tensor cpuTensor = new CpuBackend().tensor(new float[] {1, -2, 3}, Shape.of(3));
        Tensor moved = nd4j.tensor(cpuTensor.toArray(), cpuTensor.shape());
        assertArrayEquals(new float[] {1, 0, 3}, nd4j.relu(moved).toArray());
    }

    @Test
    void rejectsMismatchedShapesNamingThem() {
        Tensor a = nd4j.zeros(Shape.of(2, 3));
        Tensor b = nd4j.zeros(Shape.of(3, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> nd4j.add(a, b));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3, 2]"), e.getMessage());
    }
}
