package dev.cnn.backend.nd4j;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The off-heap scratch memory of the kernels that need temporaries (the centred copies of batch normalisation's
 * statistics, the products of its input gradient): an ND4J workspace of this thread, opened for one kernel call, so
 * a temporary costs no allocation, no page faults and no garbage collection once the workspace has learnt its size
 * in the first call. Arrays made while it is open live only until it closes: results must be made before
 * {@link #open()}.
 */
final class Scratch {
    private static final String ID = "cnn-nd4j-scratch";
    private static final WorkspaceConfiguration CONFIGURATION = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.2)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private Scratch() {
    }

    /** This thread's scratch workspace, open until the returned scope is closed. */
    static MemoryWorkspace open() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIGURATION, ID);
    }
}
