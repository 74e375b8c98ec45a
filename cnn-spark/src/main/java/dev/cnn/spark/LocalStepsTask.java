package dev.cnn.spark;

import dev.cnn.api.train.StepResult;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * One round of parameter averaging on one partition: from the broadcast parameters and optimizer state, take
 * {@code steps} local optimizer steps on this partition's shares of the global batches, then send back the parameters
 * and the optimizer state, each weighted by the images this partition saw in the round.
 */
final class LocalStepsTask implements Function2<Integer, Iterator<Shard>, Iterator<Contribution>> {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final NetworkSpec spec;
    private final ShardPlan plan;
    private final Broadcast<RoundStart> start;
    private final int steps;
    private final ExecutorHook hook;

    LocalStepsTask(String runId, NetworkSpec spec, ShardPlan plan, Broadcast<RoundStart> start, int steps,
                   ExecutorHook hook) {
        this.runId = runId;
        this.spec = spec;
        this.plan = plan;
        this.start = start;
        this.steps = steps;
        this.hook = hook;
    }

    @Override
    public Iterator<Contribution> call(Integer partition, Iterator<Shard> shards) throws Exception {
        Contribution out = Contribution.zero();
        if (!shards.hasNext()) {
            return List.of(out).iterator();
        }
        Shard shard = shards.next();
        RoundStart from = start.value();
        long begin = System.nanoTime();
        Replica replica = ReplicaCache.get(runId, partition, spec);
        synchronized (replica) { // a cancelled task that ignored its interrupt may still hold it
            replica.flat().setValues(from.parameters());
            replica.optimizer().restoreState(from.step(), from.state());
            for (int i = 0; i < steps; i++) {
                long step = from.step() + i;
                int[] share = plan.share(partition, step);
                if (share.length == 0) {
                    continue;
                }
                hook.beforeStep(partition, step);
                StepResult result = replica.trainer().computeGradients(shard.dataset(), share, new Random(step));
                out.lossSum += result.loss() * share.length;
                out.images += share.length;
                out.correct += result.correct();
                if (!result.finite()) {
                    break;
                }
                replica.trainer().applyGradients();
            }
            out.steps = steps;
            if (out.images > 0) {
                float weight = out.images;
                out.weightedSum = Contribution.addScaled(null, replica.flat().values(), weight);
                replica.optimizer().exportState().forEach((name, values) ->
                        out.weightedState.put(name, Contribution.addScaled(null, values, weight)));
            }
            out.longestComputeNanos = System.nanoTime() - begin;
        }
        return List.of(out).iterator();
    }
}
