package dev.cnn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** cnn-api depends on Jackson alone and runs no external programs: datasets, installers and pictures live elsewhere. */
class ApiDependencyRuleTest {
    private static final Path MODULE = Path.of(System.getProperty("user.dir"));

    @Test
    void theOnlyRuntimeDependencyIsJackson() throws IOException {
        String pom = Files.readString(MODULE.resolve("pom.xml"));
        Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
        List<String> runtime = new java.util.ArrayList<>();
        while (dependency.find()) {
            String block = dependency.group(1);
            if (!block.contains("<scope>test</scope>")) {
                Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(block);
                assertTrue(artifact.find(), block);
                runtime.add(artifact.group(1));
            }
        }
        assertEquals(List.of("jackson-databind"), runtime);
    }

    @Test
    void noSourceStartsAProcessOrImportsAnotherModule() throws IOException {
        try (Stream<Path> files = Files.walk(MODULE.resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (String forbidden : List.of("ProcessBuilder", "Runtime.getRuntime().exec", "import dev.cnn.datasets",
                        "import dev.cnn.viz", "import dev.cnn.cli", "import dev.cnn.backend")) {
                    assertTrue(!source.contains(forbidden), file + " uses " + forbidden);
                }
            }
        }
    }
}
