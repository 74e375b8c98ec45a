package dev.cnn.spark;

import java.io.Serializable;
import java.util.Map;

/**
 * What every partition starts a round of parameter averaging from: the parameters, the optimizer's state and the
 * global step, broadcast by the driver.
 *
 * @param parameters the flat parameter values
 * @param state      the optimizer state by name, as {@link dev.cnn.api.optim.Optimizer#exportState()} gives it
 * @param step       the global step the round starts at
 */
record RoundStart(float[] parameters, Map<String, float[]> state, long step) implements Serializable {
}
