package dev.cnn.backend.cpu;

import static dev.cnn.backend.cpu.TestData.BACKEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.ConvGeometry;
import dev.cnn.api.tensor.Shape;
import dev.cnn.api.tensor.Tensor;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class ArgumentCheckTest {

    /** A tensor that claims to belong to another backend named {@code name}. */
    private static Tensor foreignTensor(String name, Shape shape) {
        Backend other = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("name")) {
                        return name;
                    }
                    throw new AssertionError("the cpu backend must not call " + method.getName() + " on another backend");
                });
        return new Tensor() {
            @Override
            public Shape shape() {
                return shape;
            }

            @Override
            public float[] toArray() {
                return new float[shape.size()];
            }

            @Override
            public Backend backend() {
                return other;
            }
        };
    }

    @Test
    void tensorOfAnotherBackendIsRejectedWithAHint() {
        Tensor foreign = foreignTensor("nd4j", Shape.of(2, 2));
        Tensor own = BACKEND.zeros(Shape.of(2, 2));
        String expected = "tensor of backend nd4j given to backend cpu; move it with Tensor.toArray()";
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> BACKEND.add(own, foreign)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> BACKEND.relu(foreign)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> BACKEND.matmul(foreign, false, own, false)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> BACKEND.conv2d(foreignTensor("nd4j", Shape.of(1, 1, 3, 3)), BACKEND.zeros(Shape.of(1, 1, 2, 2)),
                        new ConvGeometry(1, 1, 0, 0))).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> BACKEND.sum(foreign)).getMessage());
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        Tensor a = BACKEND.zeros(Shape.of(2, 3));
        Tensor b = BACKEND.zeros(Shape.of(3, 2));
        String message = assertThrows(IllegalArgumentException.class, () -> BACKEND.add(a, b)).getMessage();
        assertTrue(message.contains("[2, 3]") && message.contains("[3, 2]"), message);
        message = assertThrows(IllegalArgumentException.class, () -> BACKEND.reluBackward(a, b)).getMessage();
        assertTrue(message.contains("[2, 3]") && message.contains("[3, 2]"), message);
    }

    @Test
    void perChannelVectorMustMatchAxisOne() {
        Tensor x = BACKEND.zeros(Shape.of(2, 3, 4, 4));
        String message = assertThrows(IllegalArgumentException.class,
                () -> BACKEND.addPerChannel(x, BACKEND.zeros(Shape.of(4)))).getMessage();
        assertTrue(message.contains("[2, 3, 4, 4]") && message.contains("[4]"), message);
    }

    @Test
    void reshapeAndTensorCheckSizes() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> BACKEND.reshape(BACKEND.zeros(Shape.of(2, 3)), Shape.of(4, 2))).getMessage();
        assertTrue(message.contains("[2, 3]") && message.contains("[4, 2]"), message);
        assertThrows(IllegalArgumentException.class, () -> BACKEND.tensor(new float[5], Shape.of(2, 3)));
    }
}
