package dev.cnn.spark;

import dev.cnn.api.backend.Backend;
import dev.cnn.api.model.Model;
import dev.cnn.api.optim.Optimizer;
import dev.cnn.api.train.TrainingPlan;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Where {@link SparkTrainer} keeps its checkpoint: our model file (the model, the optimizer's state and the run's
 * {@link TrainingPlan}), written through {@link Model#save(Path, Optimizer, TrainingPlan)}. A plain path is a local
 * file, replaced atomically; a URI with a scheme ({@code hdfs://...}, {@code s3a://...}, {@code file:/...}) goes through
 * the Hadoop {@link FileSystem} of Spark's Hadoop configuration: written to a local temporary file, copied next to the
 * target and renamed over it, so a failure leaves the previous checkpoint.
 */
final class CheckpointStore {
    private final String location;
    private final Configuration hadoop;

    CheckpointStore(String location, Configuration hadoop) {
        this.location = location;
        this.hadoop = hadoop;
    }

    String location() {
        return location;
    }

    private boolean viaHadoop() {
        URI uri = URI.create(location.replace('\\', '/'));
        return uri.getScheme() != null && uri.getScheme().length() > 1;
    }

    /** Writes the checkpoint; returns its size in bytes. */
    long save(Model model, Optimizer optimizer, TrainingPlan plan) throws IOException {
        if (!viaHadoop()) {
            Path file = Path.of(location);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            model.save(file, optimizer, plan);
            return Files.size(file);
        }
        Path local = Files.createTempFile("cnn-checkpoint", ".cnn");
        try {
            model.save(local, optimizer, plan);
            var target = new org.apache.hadoop.fs.Path(location);
            var partial = new org.apache.hadoop.fs.Path(location + ".partial");
            FileSystem fs = target.getFileSystem(hadoop);
            fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), partial);
            if (fs.exists(target) && !fs.delete(target, false)) {
                throw new IOException("cannot replace the checkpoint " + location + "; check the permissions");
            }
            if (!fs.rename(partial, target)) {
                throw new IOException("cannot rename " + partial + " to " + location + "; check the permissions");
            }
            return fs.getFileStatus(target).getLen();
        } finally {
            Files.deleteIfExists(local);
        }
    }

    /** Reads the checkpoint onto {@code backend}. */
    Model.Loaded load(Backend backend) throws IOException {
        if (!viaHadoop()) {
            return Model.loadWithState(Path.of(location), backend);
        }
        Path local = Files.createTempFile("cnn-checkpoint", ".cnn");
        try {
            var source = new org.apache.hadoop.fs.Path(location);
            source.getFileSystem(hadoop).copyToLocalFile(false, source, new org.apache.hadoop.fs.Path(local.toUri()), true);
            return Model.loadWithState(local, backend);
        } finally {
            Files.deleteIfExists(local);
        }
    }
}
