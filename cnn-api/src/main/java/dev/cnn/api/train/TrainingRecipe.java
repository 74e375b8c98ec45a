package dev.cnn.api.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cnn.api.model.ModelLimits;
import dev.cnn.api.optim.AdamW;
import dev.cnn.api.optim.LearningRateSchedule;
import dev.cnn.api.optim.OptimizerConfig;
import dev.cnn.api.optim.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How to train: the settings of a run by the names of the command line's options, each one null where the recipe
 * leaves it to someone else. A preset may carry the recipe it trains best with; a run lays the options it was given
 * over the preset's recipe and that over {@link #DEFAULTS} ({@link #over}), and saves the recipe it used in the model
 * file, where {@code summary} shows it. The optimizer and schedule it names are made with {@link #optimizer} once the
 * run's length is known.
 *
 * @param epochs          epochs of the run
 * @param batchSize       images per update
 * @param optimizer       the registered optimizer id, such as {@code sgd} or {@code adam}
 * @param learningRate    the base (peak, for one-cycle) learning rate
 * @param momentum        SGD's momentum; null for the optimizer's default (0.9)
 * @param nesterov        whether SGD's momentum is Nesterov's
 * @param weightDecay     SGD's decoupled weight decay or AdamW's; null for the optimizer's default
 * @param schedule        a name {@link LearningRateSchedule#forRun} knows, such as {@code cosine} or {@code one-cycle}
 * @param warmupEpochs    epochs of linear learning-rate warm-up before the schedule, 0 for none
 * @param augmentShift    the largest random shift of training images in pixels, 0 for none
 * @param augmentation    the other augmentation in its text form ({@code crop=2,rotate=10,erase=0.5}), {@code none}
 * @param labelSmoothing  the label smoothing of the class head's softmax cross-entropy, 0 for none
 * @param weightAverage   the decay of the moving average of the weights that evaluation and the saved model use, 0 for
 *                        none
 * @param validationSplit the fraction of training images held out and scored after every epoch
 * @param earlyStopping   epochs without a better validation score before training stops, 0 for never
 * @param keepBest        whether the model kept is that of the epoch with the best validation score
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingRecipe(Integer epochs, Integer batchSize, String optimizer, Double learningRate, Double momentum,
                             Boolean nesterov, Double weightDecay, String schedule, Integer warmupEpochs,
                             Integer augmentShift, String augmentation, Double labelSmoothing, Double weightAverage,
                             Double validationSplit, Integer earlyStopping, Boolean keepBest) {

    /** What a run does where neither its options nor its preset say otherwise: the command line's defaults. */
    public static final TrainingRecipe DEFAULTS = new TrainingRecipe(3, 64, "adam", 0.001, null, false, null, "cosine",
            0, 0, "none", 0.0, 0.0, 0.0, 0, false);

    /** A recipe that leaves everything to another. */
    public static final TrainingRecipe EMPTY = new TrainingRecipe(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);

    /** Checks the values that are given. */
    public TrainingRecipe {
        range("epochs", epochs, 1, ModelLimits.MAX_EPOCHS);
        range("batch size", batchSize, 1, ModelLimits.MAX_BATCH_SIZE);
        range("warm-up epochs", warmupEpochs, 0, ModelLimits.MAX_EPOCHS - 1);
        range("shift", augmentShift, 0, ModelLimits.MAX_AUGMENT_SHIFT);
        range("early-stopping patience", earlyStopping, 0, ModelLimits.MAX_EPOCHS);
        if (learningRate != null && (!(learningRate > 0) || learningRate.isInfinite())) {
            throw new IllegalArgumentException("the learning rate must be a positive number, got " + learningRate);
        }
        fraction("momentum", momentum, true);
        fraction("label smoothing", labelSmoothing, true);
        fraction("weight-average decay", weightAverage, true);
        fraction("validation split", validationSplit, true);
        if (weightDecay != null && (!(weightDecay >= 0) || weightDecay.isInfinite())) {
            throw new IllegalArgumentException("the weight decay must be a number of at least 0, got " + weightDecay);
        }
        for (String text : new String[] {optimizer, schedule, augmentation}) {
            if (text != null && text.length() > ModelLimits.MAX_DATASET_NAME) {
                throw new IllegalArgumentException("a recipe's names have at most " + ModelLimits.MAX_DATASET_NAME
                        + " characters, got " + text.length());
            }
        }
    }

    private static void range(String what, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException("the recipe's " + what + " must be " + min + " to " + max + ", got " + value);
        }
    }

    private static void fraction(String what, Double value, boolean zeroAllowed) {
        if (value != null && !(value >= 0 && value < 1 && (zeroAllowed || value > 0))) {
            throw new IllegalArgumentException("the recipe's " + what + " must be at least 0 and below 1, got " + value);
        }
    }

    /** This recipe with what it leaves open taken from {@code base}. */
    public TrainingRecipe over(TrainingRecipe base) {
        return new TrainingRecipe(or(epochs, base.epochs), or(batchSize, base.batchSize), or(optimizer, base.optimizer),
                or(learningRate, base.learningRate), or(momentum, base.momentum), or(nesterov, base.nesterov),
                or(weightDecay, base.weightDecay), or(schedule, base.schedule), or(warmupEpochs, base.warmupEpochs),
                or(augmentShift, base.augmentShift), or(augmentation, base.augmentation),
                or(labelSmoothing, base.labelSmoothing), or(weightAverage, base.weightAverage),
                or(validationSplit, base.validationSplit), or(earlyStopping, base.earlyStopping),
                or(keepBest, base.keepBest));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** This recipe with every setting it leaves open taken from {@link #DEFAULTS}. */
    public TrainingRecipe complete() {
        return over(DEFAULTS);
    }

    /**
     * The optimizer of a {@linkplain #complete() complete} recipe for a run of {@code totalSteps} updates,
     * {@code stepsPerEpoch} per epoch, with its learning-rate schedule and warm-up.
     *
     * @throws IllegalArgumentException when the optimizer is unknown, takes no momentum or weight decay but the recipe
     *                                  gives one, Nesterov momentum has no momentum, or the warm-up is not shorter than
     *                                  the run
     */
    public OptimizerConfig optimizer(long totalSteps, long stepsPerEpoch) {
        TrainingRecipe r = complete();
        OptimizerConfig config = OptimizerConfig.byName(r.optimizer, r.learningRate);
        if (config instanceof Sgd sgd) {
            double mu = r.momentum != null ? r.momentum : sgd.momentum();
            if (r.nesterov && mu == 0) {
                throw new IllegalArgumentException("Nesterov momentum needs a momentum above 0");
            }
            sgd = sgd.withMomentum(mu).withNesterov(r.nesterov);
            config = r.weightDecay != null ? sgd.withDecoupledWeightDecay(r.weightDecay) : sgd;
        } else if (config instanceof AdamW adamW && r.weightDecay != null) {
            config = new AdamW(adamW.learningRate(), adamW.beta1(), adamW.beta2(), adamW.epsilon(), r.weightDecay, null);
        } else if (r.momentum != null || r.nesterov || r.weightDecay != null) {
            throw new IllegalArgumentException((r.weightDecay != null ? "weight decay applies to sgd and adamw"
                    : "momentum and Nesterov momentum apply to sgd") + ", not to " + r.optimizer);
        }
        return config.withSchedule(LearningRateSchedule.forRun(r.schedule, (long) r.warmupEpochs * stepsPerEpoch,
                totalSteps, stepsPerEpoch));
    }

    /** The settings it gives, in words, such as {@code 30 epochs, batches of 128, sgd (momentum 0.9, nesterov), ...}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, epochs, () -> epochs + (epochs == 1 ? " epoch" : " epochs"));
        add(parts, batchSize, () -> "batches of " + batchSize);
        if (optimizer != null || momentum != null || weightDecay != null || Boolean.TRUE.equals(nesterov)) {
            List<String> details = new ArrayList<>();
            add(details, momentum, () -> "momentum " + number(momentum));
            if (Boolean.TRUE.equals(nesterov)) {
                details.add("nesterov");
            }
            add(details, weightDecay, () -> "weight decay " + number(weightDecay));
            parts.add((optimizer == null ? "optimizer" : optimizer)
                    + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")"));
        }
        add(parts, learningRate, () -> "learning rate " + number(learningRate));
        add(parts, schedule, () -> schedule + " schedule");
        if (warmupEpochs != null && warmupEpochs > 0) {
            parts.add(warmupEpochs + " warm-up epoch" + (warmupEpochs == 1 ? "" : "s"));
        }
        if (augmentShift != null && augmentShift > 0) {
            parts.add("shifts of up to " + augmentShift + " pixels");
        }
        if (augmentation != null && !augmentation.equals("none")) {
            parts.add("augmentation " + augmentation);
        }
        if (labelSmoothing != null && labelSmoothing > 0) {
            parts.add("label smoothing " + number(labelSmoothing));
        }
        if (weightAverage != null && weightAverage > 0) {
            parts.add("weight average (EMA) " + number(weightAverage));
        }
        if (validationSplit != null && validationSplit > 0) {
            parts.add("validation split " + number(validationSplit));
        }
        if (earlyStopping != null && earlyStopping > 0) {
            parts.add("early stopping after " + earlyStopping + " epochs without improvement");
        }
        if (Boolean.TRUE.equals(keepBest)) {
            parts.add("keeping the best epoch");
        }
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static void add(List<String> parts, Object value, java.util.function.Supplier<String> text) {
        if (value != null) {
            parts.add(text.get());
        }
    }

    private static String number(Double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue())
                : String.format(Locale.ROOT, "%s", v);
    }
}
