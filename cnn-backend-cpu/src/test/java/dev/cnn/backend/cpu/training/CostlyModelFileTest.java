package dev.cnn.backend.cpu.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.io.ModelArchive;
import dev.cnn.api.io.ModelArchiveContents;
import dev.cnn.api.io.NamedArray;
import dev.cnn.api.model.Model;
import dev.cnn.api.tensor.Shape;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files within the parameter and activation limits whose one forward pass would still take minutes: a grouped
 * convolution of 200,000 groups (a million kernel calls; a minute per image on nd4j) and a convolution of 309 billion
 * multiply-adds per image. Each is refused by {@link dev.cnn.api.model.ModelLimits}'s cost limits when it is loaded,
 * before anything is built, where it used to load and then take its time on every image.
 */
class CostlyModelFileTest {
    private final Backend cpu = Backends.select("cpu");

    @TempDir
    Path dir;

    /** One node {@code layer} on an input of {@code shape}, its output the one head, trained on values. */
    private static String modelJson(String shape, String layer) {
        return "{\"format\":\"cnn-model\",\"formatVersion\":2,\"graph\":{\"inputs\":[{\"name\":\"image\",\"shape\":"
                + shape + "}],\"nodes\":[{\"name\":\"c\",\"layer\":" + layer + ",\"inputs\":[\"image\"]}],\"outputs\":"
                + "[\"c\"]},\"heads\":[{\"name\":\"c\",\"loss\":{\"type\":\"mean_squared_error\"},\"weight\":1.0,"
                + "\"labels\":[]}],\"preprocessing\":{\"mean\":0.0,\"std\":1.0}}";
    }

    /** A file of a 1x1 grouped convolution with one channel, one filter and one bias per group, all zero. */
    private Path groupedConvolution(int groups) throws Exception {
        String layer = "{\"type\":\"grouped_conv2d\",\"filters\":" + groups + ",\"groups\":" + groups + ",\"kernelHeight\""
                + ":1,\"kernelWidth\":1,\"strideHeight\":1,\"strideWidth\":1,\"paddingHeight\":0,\"paddingWidth\":0,"
                + "\"useBias\":true,\"initializer\":\"xavier\"}";
        Path file = dir.resolve("groups-" + groups + ".cnn");
        ModelArchive.write(file, new ModelArchiveContents(modelJson("[" + groups + ",1,1]", layer), List.of(
                new NamedArray("c.weight", Shape.of(groups, 1, 1, 1), new float[groups]),
                new NamedArray("c.bias", Shape.of(groups), new float[groups]))));
        return file;
    }

    @Test
    void aGroupedConvolutionOf200000GroupsIsRefusedByItsKernelCalls() throws Exception {
        Path file = groupedConvolution(200_000);
        assertEquals(file + ": the architecture makes 1,000,000 kernel calls per pass, more than the 100,000 allowed"
                + " (ModelLimits.maxKernelCallsPerPass); use fewer nodes or fewer groups in grouped convolutions (a"
                + " depthwise_conv2d is one call), or load it with larger ModelLimits", QuickRefusal.of(file, cpu));
    }

    @Test
    void aGroupedConvolutionAtTheKernelCallLimitLoadsAndPredicts() throws Exception {
        Path file = groupedConvolution(20_000);
        float[] out = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Model.load(file, cpu).predict(new float[20_000], 1).get("c")[0]);
        assertEquals(20_000, out.length);
    }

    @Test
    void aConvolutionOf309BillionMultiplyAddsPerImageIsRefusedBeforeItIsBuilt() throws Exception {
        String layer = "{\"type\":\"conv2d\",\"filters\":1024,\"kernelHeight\":3,\"kernelWidth\":3,\"strideHeight\":1,"
                + "\"strideWidth\":1,\"paddingHeight\":1,\"paddingWidth\":1,\"useBias\":false,\"initializer\":\"xavier\"}";
        long weights = 1024L * 2048 * 3 * 3;
        Path file = new ZipOfZeros().text("model.json", modelJson("[2048,128,128]", layer))
                .text("parameters.json", "{\"format\":1,\"arrays\":[{\"name\":\"c.weight\",\"shape\":[1024,2048,3,3],"
                        + "\"entry\":\"parameters/0.f32\"}]}")
                .zeros("parameters/0.f32", 4 * weights).write(dir.resolve("macs.cnn"));
        assertEquals(file + ": the architecture takes 309,237,645,312 multiply-adds per image, more than the"
                + " 100,000,000,000 allowed (ModelLimits.maxMultiplyAddsPerImage); use fewer or smaller layers or"
                + " smaller images, or load it with larger ModelLimits", QuickRefusal.of(file, cpu));
    }
}
