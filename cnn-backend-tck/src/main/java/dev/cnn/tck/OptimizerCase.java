package dev.cnn.tck;

import dev.cnn.api.tensor.Shape;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/**
 * One optimizer step on a parameter tensor of rank 1-4 (dimensions 1-8) with random state and
 * hyper-parameters. Each update reads the hyper-parameters it has: SGD momentum / nesterov / decay,
 * Adam beta1 / beta2 / epsilon / step / l2 / decoupled decay, RMSProp rho / epsilon / decay.
 *
 * @param dims          the parameter's dimensions
 * @param learningRate  0.001 to 0.5
 * @param momentum      0, 0.5 or 0.9 (also Adam's beta1)
 * @param beta2         0.9 or 0.999 (also RMSProp's rho)
 * @param epsilon       1e-8 or 1e-3
 * @param decay         0 or 0.01: weight decay, Adam's l2
 * @param decoupled     0 or 0.01: AdamW's decoupled decay
 * @param nesterov      SGD's Nesterov switch
 * @param step          Adam's step number, 1-10
 * @param seed          the seed of the parameter, gradient and state values
 */
public record OptimizerCase(List<Integer> dims, float learningRate, float momentum, float beta2, float epsilon,
                            float decay, float decoupled, boolean nesterov, int step, int seed) {

    /** The shape of the parameter, its gradient and its state. */
    public Shape shape() {
        return Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public String toString() {
        return "parameter " + shape() + ", lr " + learningRate + ", momentum/beta1 " + momentum + ", beta2/rho "
                + beta2 + ", epsilon " + epsilon + ", decay " + decay + ", decoupled decay " + decoupled
                + ", nesterov " + nesterov + ", step " + step + " (seed " + seed + ")";
    }

    /** Generates the cases described above. */
    public static final class Supplier implements ArbitrarySupplier<OptimizerCase> {
        @Override
        public Arbitrary<OptimizerCase> get() {
            Arbitrary<List<Integer>> dims = Arbitraries.integers().between(1, 8).list().ofMinSize(1).ofMaxSize(4);
            Arbitrary<Float> learningRate = Arbitraries.floats().between(0.001f, 0.5f).ofScale(4);
            Arbitrary<Float> momentum = Arbitraries.of(0f, 0.5f, 0.9f);
            Arbitrary<Float> beta2 = Arbitraries.of(0.9f, 0.999f);
            Arbitrary<Float> epsilon = Arbitraries.of(1e-8f, 1e-3f);
            Arbitrary<Float> decay = Arbitraries.of(0f, 0.01f);
            Arbitrary<OptimizerCase> hyperParameters = Combinators.combine(dims, learningRate, momentum, beta2,
                            epsilon, decay, Arbitraries.of(0f, 0.01f), Arbitraries.of(false, true))
                    .as((d, lr, mom, b2, eps, dec, decoupled, nesterov) ->
                            new OptimizerCase(d, lr, mom, b2, eps, dec, decoupled, nesterov, 1, 0));
            return Combinators.combine(hyperParameters, Arbitraries.integers().between(1, 10),
                            Arbitraries.integers().between(0, 1_000_000))
                    .as((c, step, seed) -> new OptimizerCase(c.dims(), c.learningRate(), c.momentum(), c.beta2(),
                            c.epsilon(), c.decay(), c.decoupled(), c.nesterov(), step, seed));
        }
    }
}
