package dev.cnn.api.train;

import dev.cnn.api.model.Model;

/**
 * A run read back from its checkpoint by {@link Trainer#resume}: the model, the run's plan, and a trainer builder set
 * up to continue it (network, heads, optimizer with its state, epochs, batch size, seed and the step to start from).
 * Add listeners and the same batch transform as before, build, and fit on the same data.
 *
 * @param model   the model as the checkpoint holds it, network on the backend it was loaded onto
 * @param plan    the run's plan
 * @param trainer a builder that continues the run
 */
public record Resumption(Model model, TrainingPlan plan, Trainer.Builder trainer) {
}
