package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendsCommandTest {

    @Test
    void listsTheCpuBackendAsAvailableAndDefault() {
        Cli.Result r = Cli.run("backends").succeeded();
        assertTrue(r.out().matches("(?s).*\\ncpu\\s+20\\s+available\\s+\\(default\\).*"), r.out());
        assertTrue(r.out().contains("\ncpu is best for every preset: the fastest measured here"), r.out());
        assertTrue(r.out().contains("default: cpu (the available one with the highest priority, which ranks the backends"
                + " by measured speed)"), r.out());
    }

    @Test
    void backendOptionSelectsOne() {
        assertTrue(Cli.run("backends", "--backend", "cpu").succeeded().out().contains("selected with --backend: cpu"));
    }

    @Test
    void unknownBackendIsAUsageErrorListingTheFoundOnes() {
        Cli.run("backends", "--backend", "quantum").failedWith(2, "unknown backend 'quantum'; found: cpu");
        Cli.run("summary", "--model", "mlp", "--backend", "quantum").failedWith(2, "unknown backend 'quantum'");
    }
}
