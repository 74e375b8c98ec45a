package dev.cnn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.backend.Backends;
import dev.cnn.api.data.Dataset;
import dev.cnn.datasets.ShapesSource;
import dev.cnn.api.eval.HeadEvaluation;
import dev.cnn.api.eval.HeadEvaluator;
import dev.cnn.api.eval.TagScores;
import dev.cnn.api.model.Model;
import dev.cnn.api.model.Normalization;
import dev.cnn.api.network.GraphNetwork;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the README's tagger example (smaller than the README's numbers suggest), and checks the README shows this code. */
class ReadmeTaggerExampleTest {

    @Test
    void theTaggerExampleTrainsBothHeadsChoosesThresholdsSavesAndPredicts() throws Exception {
        Path file = Path.of("tagger.cnn");
        try {
            // tagger-example:start
            Backend backend = Backends.select("cpu");
            ShapesSource shapes = new ShapesSource(480, 100, 24, 24, 1, null);   // generated: no files needed
            Dataset all = shapes.train().normalized(0.4f, 0.25f);             // about the pixels' mean and spread
            Dataset train = all.range(0, 420);
            Dataset validation = all.range(420, 480);                           // where thresholds are chosen
            Dataset test = shapes.test().normalized(0.4f, 0.25f);

            GraphNetwork network = Preset.TAGGER.build(train.sampleShape(), train.classNames().size(),
                    train.tagNames().size(), backend, 1);                        // outputs "class" and "tags"
            Model model = new Model(network, Preset.TAGGER.heads(train.classNames(), train.tagNames()),
                    new Normalization(0.4, 0.25));
            Trainer.builder().setNetwork(network).setHeads(model.heads())       // class loss + 4 x tag loss
                    .setOptimizer(OptimizerConfig.adam(0.003)).optBatchSize(32).optEpochs(2).build()
                    .fit(train, null);

            TagScores scores = TagScores.of(network, model.tagHead().orElseThrow(), validation, 256);
            model = model.withHead(scores.bestF1Head());                         // a best-F1 threshold per tag
            Map<String, HeadEvaluation> byHead = HeadEvaluator.evaluate(network, model.heads(), test, 256);
            System.out.printf("class accuracy %.2f%%, macro tag F1 %.3f%n",
                    100 * byHead.get("class").classes().accuracy(), byHead.get("tags").tags().macroF1());
            System.out.print(byHead.get("tags").tags().tagReport());

            model.save(Path.of("tagger.cnn"));                                  // the thresholds are saved too
            Model loaded = Model.load(Path.of("tagger.cnn"), backend);
            Map<String, float[][]> said = loaded.predict(shapes.test().features(0), 1);
            float[] classes = said.get("class")[0];                              // a probability per class
            float[] tags = said.get("tags")[0];                                  // a probability per tag
            // tagger-example:end
            assertEquals(shapes.test().classNames().size(), classes.length);
            assertEquals(shapes.test().tagNames().size(), tags.length);
            assertTrue(byHead.get("class").classes().accuracy() > 1.0 / 6,
                    "better than chance after two short epochs: " + byHead.get("class").classes().accuracy());
            assertTrue(byHead.get("tags").tags().macroF1() > 0.5, "tags: " + byHead.get("tags").tags().macroF1());
            assertEquals(model.tagHead().orElseThrow().thresholds(), loaded.tagHead().orElseThrow().thresholds());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theReadmeShowsThisExampleVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/cnn/models/ReadmeTaggerExampleTest.java"));
        String readme = Files.readString(Path.of("../README.md"));
        assertEquals(normalize(between(source, "// tagger-example:start", "// tagger-example:end")),
                normalize(between(readme, "<!-- tagger-example:start -->\n```java", "```\n<!-- tagger-example:end -->")),
                "README.md's tagger example differs from ReadmeTaggerExampleTest: copy the code between the markers");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from + 1);
        assertTrue(from >= 0 && to > from, "markers '" + start + "' and '" + end + "' not found");
        return text.substring(from + start.length(), to);
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
