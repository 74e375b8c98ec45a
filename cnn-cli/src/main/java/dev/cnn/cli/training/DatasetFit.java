package dev.cnn.cli.training;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.eval.LabelText;
import dev.cnn.api.model.Model;
import dev.cnn.cli.CliFailure;
import java.util.Optional;

/**
 * Whether a dataset holds the kind of images a model was trained on, so that its labels may be read under the model's
 * class names: the same tags as the model's tag head, images of the model's input shape, and as many classes as the
 * model's class head. The one rule of every command that scores or shows a dataset's images under a model's names:
 * {@code eval}, {@code predict --index}, {@code visualize --index}, {@code demo}, and {@code train --resume} or
 * {@code --init-from}.
 */
public final class DatasetFit {
    private DatasetFit() {
    }

    /**
     * Why {@code data} is not the kind of data {@code model} was trained on, as the start of a sentence; empty when it
     * is.
     *
     * @param model    the model
     * @param data     the images with their labels (and tags), converted to what the model takes where a command does so
     * @param dataName what the data is called in the message: {@code "the dataset"}, {@code "mnist's test split"}
     */
    public static Optional<String> mismatch(Model model, Dataset data, String dataName) {
        if (model.classHead().isEmpty()) {
            return Optional.of("the model has no class head to read " + dataName + "'s labels with (its heads train with "
                    + model.heads().stream().map(h -> h.loss().id()).distinct().toList() + ")");
        }
        if (model.tagHead().isPresent() && !model.tagHead().get().labels().equals(data.tagNames())) {
            return Optional.of("the model tags images with " + LabelText.shown(model.tagHead().get().labels()) + " but "
                    + dataName + " has " + (data.hasTags() ? "the tags " + LabelText.shown(data.tagNames()) : "no tags"));
        }
        if (!model.inputShape().equals(data.sampleShape())) {
            return Optional.of("the model takes images of shape " + model.inputShape() + " but " + dataName
                    + "'s images have shape " + data.sampleShape());
        }
        int classes = model.classHead().get().labels().size();
        if (classes != data.classNames().size()) {
            return Optional.of("the model knows " + classes + " classes but " + dataName + " has "
                    + data.classNames().size());
        }
        return Optional.empty();
    }

    /**
     * Fails with one line, the {@linkplain #mismatch mismatch} followed by {@code advice}, unless {@code data} is the
     * kind of data {@code model} was trained on.
     *
     * @throws CliFailure when it is not
     */
    public static void require(Model model, Dataset data, String dataName, String advice) {
        Optional<String> mismatch = mismatch(model, data, dataName);
        if (mismatch.isPresent()) {
            throw new CliFailure(mismatch.get() + "; " + advice);
        }
    }
}
