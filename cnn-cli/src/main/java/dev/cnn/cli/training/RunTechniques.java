package dev.cnn.cli.training;

import dev.cnn.api.loss.SoftmaxCrossEntropy;
import dev.cnn.api.model.Head;
import dev.cnn.api.model.Model;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.train.BestEpoch;
import dev.cnn.api.train.EarlyStopping;
import dev.cnn.api.train.TrainingListener;
import dev.cnn.api.train.TrainingRecipe;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a recipe that change a new run's model, optimizer and listeners: label smoothing on the class head,
 * the optimizer with its schedule and weight average, early stopping and best-epoch keeping.
 */
final class RunTechniques {
    private RunTechniques() {
    }

    /** {@code model} whose class head trains with the recipe's label smoothing (none when it is 0). */
    static Model withLabelSmoothing(Model model, TrainingRecipe recipe) {
        Head head = model.classHead().orElseThrow();
        if (!(head.loss() instanceof SoftmaxCrossEntropy loss) || loss.labelSmoothing() == recipe.labelSmoothing()) {
            return model;
        }
        return model.withHead(new Head(head.name(), loss.withLabelSmoothing(recipe.labelSmoothing()), head.weight(),
                head.labels(), head.thresholds()));
    }

    /** A fresh optimizer of the recipe for a run of {@code totalSteps}, averaging the weights when it says so. */
    static Optimizer optimizer(TrainingRecipe recipe, Model model, long totalSteps, long stepsPerEpoch) {
        Optimizer optimizer = new Optimizer(recipe.optimizer(totalSteps, stepsPerEpoch), model.network().parameters());
        return recipe.weightAverage() > 0 ? optimizer.averageWeights(recipe.weightAverage()) : optimizer;
    }

    /** The keeper of the best epoch when the recipe keeps it or stops early (both judge by validation), else null. */
    static BestEpoch keeper(TrainingRecipe recipe, Model model, Optimizer optimizer) {
        return recipe.keepBest() || recipe.earlyStopping() > 0 ? new BestEpoch(model.network(), optimizer) : null;
    }

    /** The keeper, if any, and early stopping, if the recipe asks for it, in the order they listen. */
    static List<TrainingListener> listeners(TrainingRecipe recipe, BestEpoch keeper) {
        List<TrainingListener> out = new ArrayList<>();
        if (keeper != null) {
            out.add(keeper);
        }
        if (recipe.earlyStopping() > 0) {
            out.add(new EarlyStopping(recipe.earlyStopping()));
        }
        return out;
    }
}
