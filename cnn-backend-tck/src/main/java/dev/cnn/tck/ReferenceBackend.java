package dev.cnn.tck;

import dev.cnn.api.backend.Backend;
import dev.cnn.backend.cpu.CpuBackend;

/** The one reference backend the kit compares against, made on first use. */
final class ReferenceBackend {
    private ReferenceBackend() {
    }

    private static final class Holder {
        static final Backend INSTANCE = new CpuBackend();
    }

    static Backend instance() {
        return Holder.INSTANCE;
    }
}
