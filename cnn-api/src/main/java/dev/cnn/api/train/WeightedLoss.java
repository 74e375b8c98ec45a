package dev.cnn.api.train;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.loss.LossValue;
import dev.cnn.api.model.Head;
import dev.cnn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss a network of several heads trains on: the sum over its heads of each head's loss times the head's weight,
 * with the gradient of that sum with respect to each head's output. The {@link Trainer} minimises it, and
 * {@link dev.cnn.api.check.GradientCheck#checkHeads} checks it against finite differences.
 *
 * @param value     the weighted sum of the heads' losses
 * @param perHead   each head's own loss (before its weight) and gradient, by head name, in head order
 * @param gradients the gradient of {@code value} with respect to each head's output, by head name
 */
public record WeightedLoss(double value, Map<String, LossValue> perHead, Map<String, Tensor> gradients) {

    /**
     * Evaluates every head's loss on its output against its targets.
     *
     * @param heads   the heads, each naming an output
     * @param outputs the network's outputs by name
     * @param targets the targets of each head, by head name, shaped like its output
     * @throws IllegalArgumentException when an output or the targets of a head are missing
     */
    public static WeightedLoss of(List<Head> heads, Map<String, Tensor> outputs, Map<String, Tensor> targets) {
        Map<String, LossValue> perHead = new LinkedHashMap<>();
        Map<String, Tensor> gradients = new LinkedHashMap<>();
        double total = 0;
        for (Head head : heads) {
            Tensor output = outputs.get(head.name());
            Tensor target = targets.get(head.name());
            if (output == null || target == null) {
                throw new IllegalArgumentException("head '" + head.name() + "' needs the network's output of that name and"
                        + " targets for it; outputs " + outputs.keySet() + ", targets " + targets.keySet());
            }
            LossValue value = head.loss().evaluate(output, target);
            perHead.put(head.name(), value);
            total += head.weight() * value.value();
            Backend backend = output.backend();
            gradients.put(head.name(), head.weight() == 1 ? value.gradient()
                    : backend.scale(value.gradient(), (float) head.weight()));
        }
        return new WeightedLoss(total, perHead, gradients);
    }
}
