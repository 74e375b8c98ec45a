package dev.cnn.cli;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.Evaluation;
import dev.cnn.cli.training.DatasetFit;
import dev.cnn.cli.training.ModelScores;
import dev.cnn.api.model.Model;
import java.io.PrintWriter;

/** Scores a model on a labelled split and prints what {@code eval} and {@code demo} show. */
final class ModelEvaluation {
    private ModelEvaluation() {
    }

    /** The model's class head on {@code pixels} (values in [0, 1]), prepared with the model's own preprocessing. */
    static Evaluation evaluate(Model model, Dataset pixels, int batchSize) {
        return scores(model, pixels, batchSize).classes();
    }

    /**
     * Every head of the model on {@code pixels} (values in [0, 1]), prepared with the model's own preprocessing: the
     * class metrics and, for a tagger, the tag metrics at the tag head's thresholds.
     */
    static ModelScores scores(Model model, Dataset pixels, int batchSize) {
        return scores(model, pixels, batchSize, dev.cnn.api.eval.TestTimeAugmentation.NONE);
    }

    /** As {@link #scores(Model, Dataset, int)}, averaging over the copies {@code tta} makes of each image. */
    static ModelScores scores(Model model, Dataset pixels, int batchSize, dev.cnn.api.eval.TestTimeAugmentation tta) {
        if (model.classHead().isEmpty()) {
            throw new CliFailure("this model has no class head (its heads train with "
                    + model.heads().stream().map(h -> h.loss().id()).distinct().toList()
                    + "); eval scores models that classify, with or without tags");
        }
        DatasetFit.require(model, pixels, "the dataset", "evaluate it on the kind of data it was trained on");
        var pre = model.preprocessing();
        Dataset prepared = pixels.normalized(pre);
        return ModelScores.of(model, prepared, batchSize, tta);
    }

    /** Accuracy, top-3 accuracy, the per-class table and the confusion matrix as text. */
    static void print(Evaluation evaluation, PrintWriter out) {
        out.println("accuracy: " + Messages.percent(evaluation.accuracy()));
        if (evaluation.undecided() > 0) {
            out.printf("%,d of %,d images got the same highest score for several classes and count as wrong%n",
                    evaluation.undecided(), evaluation.count());
        }
        if (evaluation.classNames().size() > 3) {
            out.println("top-3 accuracy: " + Messages.percent(evaluation.topKAccuracy(3)));
        }
        out.println();
        out.print(evaluation.classReport());
        out.println();
        out.println("confusion matrix (rows: actual class, columns: predicted class):");
        out.print(evaluation.confusionTable());
    }
}
