package dev.cnn.cli;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options of {@code train} that mean nothing, or nothing useful, are refused by name before any work starts. */
class TrainOptionRefusalTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void writeData() throws Exception {
        data = SyntheticDigits.write(dir.resolve("digits"), 40, 10, 28);
    }

    private static Cli.Result train(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--model", "mlp", "--dataset", data.toString(),
                "--epochs", "1", "--out", dir.resolve("m.cnn").toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aMasterUrlSparkWouldRejectIsRefusedUpFrontNamingTheAcceptedForms() {
        for (String master : List.of("bogus://x", "local[0]", "local[-1]", "local[abc]", "")) {
            train("--spark=" + master).failedWith(2, "use one of: local, local[N], local[*]");
        }
    }

    @Test
    void moreSparkPartitionsThanImagesAreRefused() {
        train("--spark", "local[2]", "--partitions", "5000").failedWith(2,
                "--partitions 5000 is more than the 40 training images");
    }

    @Test
    void sparkOnlyOptionsWithoutSparkAreRefused() {
        train("--partitions", "3").failedWith(2, "--partitions applies to training on Spark");
        train("--average-every", "4").failedWith(2, "--average-every applies to training on Spark");
    }

    @Test
    void aLearningRateThatIsZeroInFloat32IsRefused() {
        train("--lr", "1e-300").failedWith(2, "is 0 in the 32-bit floats");
    }

    @Test
    void anInputSizeWhoseImagesOverflowAnArrayIsRefusedWithTheFigures() throws Exception {
        Path many = SyntheticDigits.write(dir.resolve("many"), 200, 10, 28);
        long start = System.nanoTime();
        Cli.run("train", "--model", "mlp", "--dataset", many.toString(), "--epochs", "1", "--input-size", "4096",
                "--out", dir.resolve("big.cnn").toString())
                .failedWith(1, "200 images of 1x4096x4096 take 12,800 MB, more than one Java array holds");
        org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() - start < 20_000_000_000L,
                "the refusal comes from the sizes, before any resizing");
    }
}
