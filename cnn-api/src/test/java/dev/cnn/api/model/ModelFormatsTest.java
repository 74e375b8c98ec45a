package dev.cnn.api.model;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class ModelFormatsTest {

    @Test
    void withoutItsModuleAFormatIsRefusedNamingTheModuleToAdd() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ModelFormats.require("no-such-format", "cnn-nothing"));
        assertTrue(e.getMessage().contains("needs the module cnn-nothing (dev.cnn:cnn-nothing) on the classpath"),
                e.getMessage());
        assertNull(ModelFormats.find("onnx", ClassLoader.getPlatformClassLoader(), new ArrayList<>()));
    }
}
