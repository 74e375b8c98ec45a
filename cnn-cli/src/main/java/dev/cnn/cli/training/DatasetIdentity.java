package dev.cnn.cli.training;

import dev.cnn.api.data.Dataset;
import dev.cnn.api.train.TrainingPlan;
import dev.cnn.cli.CliFailure;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether a resumed run goes on with the images it started on: the plan in its checkpoint records the name, the size
 * and the {@linkplain Dataset#fingerprint() fingerprint} of the training split, and a resume on other images (another
 * dataset of the same size and shape, inverted or resampled images, other labels) is refused. A checkpoint saved before
 * plans recorded the fingerprint is recognised by its size alone, with a note, and records the fingerprint from then on.
 */
public final class DatasetIdentity {
    private DatasetIdentity() {
    }

    /**
     * The plan to continue with: {@code plan}, with the fingerprint of {@code train} when it had none.
     *
     * @param checkpoint the checkpoint being resumed, for messages
     * @param plan       the plan read from it
     * @param train      the training split given now, before the validation split, pixels in [0, 1]
     * @param name       the name of the dataset given now, as {@code --dataset} gave it
     * @param out        receives the note about an older checkpoint
     * @throws CliFailure when {@code train} is not the dataset the run trained on
     */
    public static TrainingPlan check(Path checkpoint, TrainingPlan plan, Dataset train, String name, PrintWriter out) {
        String fingerprint = train.fingerprint();
        if (plan.datasetFingerprint() == null) {
            if (train.size() == plan.trainingImages()) {
                out.printf(Locale.ROOT, "note: %s was saved before checkpoints recorded their dataset's fingerprint, so"
                        + " only its size (%,d training images) shows that %s is the dataset it trained on; its next"
                        + " checkpoint records the fingerprint%n", checkpoint, plan.trainingImages(), name);
            }
            return plan.withDatasetFingerprint(fingerprint);
        }
        if (!fingerprint.equals(plan.datasetFingerprint())) {
            throw new CliFailure(String.format(Locale.ROOT, "the run in %s trained on %s (%,d training images, fingerprint"
                            + " %s), but --dataset %s holds other images or labels (%,d training images, fingerprint %s);"
                            + " resume on the images it trained on, or start a new run from its weights: ./cnn train"
                            + " --init-from %s --dataset %s --out NEW_FILE", checkpoint, plan.dataset(),
                    plan.trainingImages(), plan.datasetFingerprint(), name, train.size(), fingerprint, checkpoint, name));
        }
        return plan;
    }
}
