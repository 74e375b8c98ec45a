package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.layers.Dense;
import dev.cnn.api.layers.Flatten;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving onto a full file system names the file, keeps the one there before, and leaves no temporary file. */
class FullDiskTest {
    private final Backend cpu = Backends.select("cpu");

    @TempDir
    Path dir;
    private Path mount;

    private Model model(int units) {
        Sequential network = Sequential.builder().setInputShape(1, 28, 28).add(new Flatten(), Dense.of(units)).build(cpu);
        return new Model(network, Loss.SOFTMAX_CROSS_ENTROPY, java.util.stream.IntStream.range(0, units)
                .mapToObj(Integer::toString).toList(), Normalization.identity());
    }

    private boolean mountTinyFileSystem() throws Exception {
        mount = Files.createDirectories(dir.resolve("tiny"));
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }

    @Test
    void aFullDiskNamesTheFileAndKeepsThePreviousOne() throws Exception {
        assumeTrue(mountTinyFileSystem(), "needs permission to mount a small tmpfs (root)");
        Path file = mount.resolve("model.cnn");
        Model small = model(2);
        small.save(file);
        byte[] before = Files.readAllBytes(file);
        IOException e = assertThrows(IOException.class, () -> model(200).save(file));
        assertTrue(e.getMessage().startsWith("cannot write the model file " + file + ": No space left on device"), e.getMessage());
        assertTrue(e.getMessage().endsWith("the file there before is unchanged"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(mount)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
    }
}
