package dev.cnn.api.model;

import dev.cnn.api.io.DeclaredArray;
import dev.cnn.api.io.ModelArchive;
import dev.cnn.api.io.ModelFormatException;
import dev.cnn.api.layer.LayerCost;
import dev.cnn.api.network.GraphConfig;
import dev.cnn.api.optim.OptimizerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The sizes a model file's architecture implies, computed from its shapes in {@code long}, against {@link ModelLimits}
 * and against the arrays the file declares, before any array's values are read and before a network is built: the
 * parameters must be exactly the values the parameter index declares, and the optimizer state at most what the
 * optimizer keeps for them, so an array the model has no use for is refused by its declared size, not read.
 */
final class ModelSizes {
    private ModelSizes() {
    }

    static void check(Path file, ModelDescription description, List<DeclaredArray> parameters,
                      List<DeclaredArray> optimizerState, ModelLimits limits) throws ModelFormatException {
        GraphConfig architecture = description.graph();
        long parameterCount;
        long activations;
        LayerCost cost;
        try {
            parameterCount = architecture.parameterCount();
            activations = architecture.activationsPerImage();
            cost = architecture.cost();
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new ModelFormatException(file + ": the architecture's sizes do not fit a long: " + e.getMessage());
        }
        if (parameterCount > limits.maxParameters()) {
            throw new ModelFormatException(file + ": the architecture declares " + parameterCount + " parameters, more"
                    + " than the " + limits.maxParameters() + " allowed (ModelLimits)");
        }
        if (activations > limits.maxActivationsPerImage()) {
            throw new ModelFormatException(file + ": the architecture's layers make " + activations + " values per image,"
                    + " more than the " + limits.maxActivationsPerImage() + " allowed (ModelLimits)");
        }
        if (cost.multiplyAdds() > limits.maxMultiplyAddsPerImage()) {
            throw new ModelFormatException(String.format(Locale.ROOT, "%s: the architecture takes %,d multiply-adds per"
                    + " image, more than the %,d allowed (ModelLimits.maxMultiplyAddsPerImage); use fewer or smaller"
                    + " layers or smaller images, or load it with larger ModelLimits", file, cost.multiplyAdds(),
                    limits.maxMultiplyAddsPerImage()));
        }
        if (cost.kernelCalls() > limits.maxKernelCallsPerPass()) {
            throw new ModelFormatException(String.format(Locale.ROOT, "%s: the architecture makes %,d kernel calls per"
                    + " pass, more than the %,d allowed (ModelLimits.maxKernelCallsPerPass); use fewer nodes or fewer"
                    + " groups in grouped convolutions (a depthwise_conv2d is one call), or load it with larger"
                    + " ModelLimits", file, cost.kernelCalls(), limits.maxKernelCallsPerPass()));
        }
        long declared = total(parameters);
        if (parameterCount > declared) {
            throw new ModelFormatException(file + ": the architecture declares " + parameterCount + " parameters but the"
                    + " file holds only " + declared + "; the file is damaged or was edited");
        }
        if (declared > parameterCount) {
            throw new ModelFormatException(String.format(Locale.ROOT, "%s: %s declares %,d values in %s, more than the"
                    + " %,d parameters of the architecture; the file is damaged or was edited", file,
                    ModelArchive.PARAMETERS_INDEX, declared, arrays(parameters), parameterCount));
        }
        OptimizerConfig optimizer = description.optimizer();
        if (optimizer != null) {
            int perParameter = optimizer.stateNames().size() + (description.weightAverage() != null ? 1 : 0);
            long most = Math.multiplyExact(parameterCount, perParameter);
            long state = total(optimizerState);
            if (state > most) {
                throw new ModelFormatException(String.format(Locale.ROOT, "%s: %s declares %,d values in %s, more"
                        + " than the %,d the optimizer keeps for %,d parameters (%d per parameter); the file is damaged"
                        + " or was edited", file, ModelArchive.OPTIMIZER_INDEX, state, arrays(optimizerState), most,
                        parameterCount, perParameter));
            }
        }
    }

    private static String arrays(List<DeclaredArray> arrays) {
        return arrays.size() == 1 ? "1 array" : String.format(Locale.ROOT, "%,d arrays", arrays.size());
    }

    private static long total(List<DeclaredArray> arrays) {
        long sum = 0;
        for (DeclaredArray array : arrays) {
            sum += array.size();
        }
        return sum;
    }
}
