package dev.cnn.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendsCommandTest {

    @Test
    void listsTheCpuBackendAsAvailableAndDefault() {
        Cli.Result r = Cli.run("backends").succeeded();
        assertTrue(r.out().matches("(?s).*\\ncpu\\s+0\\s+available\\s+\\(default\\).*"), r.out());
        assertTrue(r.out().contains("default: cpu"), r.out());
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
