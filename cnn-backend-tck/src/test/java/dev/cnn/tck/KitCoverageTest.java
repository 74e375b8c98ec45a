package dev.cnn.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Every method of {@link Backend} is checked by exactly one property of the kit, and only those. */
class KitCoverageTest {

    private static Set<String> backendMethods() {
        return Arrays.stream(Backend.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, String> propertiesByKernel() {
        Map<String, String> byKernel = new TreeMap<>();
        for (Method m : BackendCompatibilityKit.class.getMethods()) {
            ChecksKernel checks = m.getAnnotation(ChecksKernel.class);
            if (checks != null) {
                String earlier = byKernel.put(checks.value(), m.getName());
                assertTrue(earlier == null, "kernel " + checks.value() + " is checked by both " + earlier
                        + " and " + m.getName() + "; keep one property per kernel");
                assertTrue(m.isAnnotationPresent(Property.class) || m.isAnnotationPresent(Example.class),
                        m.getName() + " names a kernel but is neither a @Property nor an @Example");
            }
        }
        return byKernel;
    }

    @Test
    void everyKernelHasAProperty() {
        Set<String> unchecked = new TreeSet<>(backendMethods());
        unchecked.removeAll(propertiesByKernel().keySet());
        assertEquals(Set.of(), unchecked, "Backend methods with no @ChecksKernel property in the kit");
    }

    @Test
    void everyPropertyNamesAKernel() {
        Set<String> unknown = new TreeSet<>(propertiesByKernel().keySet());
        unknown.removeAll(backendMethods());
        assertEquals(Set.of(), unknown, "@ChecksKernel names that are not methods of Backend");
    }
}
