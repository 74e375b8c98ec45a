package dev.cnn.spark;

import dev.cnn.api.train.StepResult;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * One step of gradient averaging on one partition: load the broadcast parameters into this partition's replica,
 * compute the gradient of the partition's share of the global batch, and send it back weighted by the share's size.
 */
final class GradientTask implements Function2<Integer, Iterator<Shard>, Iterator<Contribution>> {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final NetworkSpec spec;
    private final ShardPlan plan;
    private final Broadcast<float[]> parameters;
    private final long step;
    private final ExecutorHook hook;

    GradientTask(String runId, NetworkSpec spec, ShardPlan plan, Broadcast<float[]> parameters, long step,
                 ExecutorHook hook) {
        this.runId = runId;
        this.spec = spec;
        this.plan = plan;
        this.parameters = parameters;
        this.step = step;
        this.hook = hook;
    }

    @Override
    public Iterator<Contribution> call(Integer partition, Iterator<Shard> shards) throws Exception {
        Contribution out = Contribution.zero();
        if (!shards.hasNext()) {
            return List.of(out).iterator();
        }
        Shard shard = shards.next();
        int[] share = plan.share(partition, step);
        if (share.length == 0) {
            return List.of(out).iterator();
        }
        hook.beforeStep(partition, step);
        long start = System.nanoTime();
        Replica replica = ReplicaCache.get(runId, partition, spec);
        synchronized (replica) { // a cancelled task that ignored its interrupt may still hold it
            replica.flat().setValues(parameters.value());
            StepResult result = replica.trainer().computeGradients(shard.dataset(), share, new Random(step));
            out.weightedSum = Contribution.addScaled(null, replica.flat().gradients(), share.length);
            out.lossSum = result.loss() * share.length;
            out.images = share.length;
            out.correct = result.correct();
            out.steps = 1;
            out.longestComputeNanos = System.nanoTime() - start;
        }
        return List.of(out).iterator();
    }
}
