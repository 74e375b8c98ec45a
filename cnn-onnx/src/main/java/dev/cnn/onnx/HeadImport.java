package dev.cnn.onnx;

import dev.cnn.api.loss.Loss;
import dev.cnn.api.loss.Targets;
import dev.cnn.api.model.Head;
import dev.cnn.onnx.ImportValue.Computed;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The graph's outputs as heads. An output made by a final {@code Softmax} becomes a class head on the scores before
 * it, one made by a final {@code Sigmoid} a tag head (the activation moves into the head's loss, and {@code predict}
 * shows what the file's output holds); any other flat output is taken as class scores (logits, as PyTorch's
 * {@code CrossEntropyLoss} trains them). A file we exported says each head's loss, names and thresholds in its
 * metadata ({@link OnnxMetadata}), which win; without them classes are named {@code 0..K-1} and tags
 * {@code tag0..}.
 */
final class HeadImport {
    private HeadImport() {
    }

    /**
     * The heads, renaming each head's node after the head.
     *
     * @param headNames   our name for each graph output, reserved before the nodes were named
     * @param activations the final activation stripped from each output, by output name
     */
    static List<Head> heads(ImportGraph g, List<String> outputs, List<String> headNames, Map<String, String> activations,
                            Map<String, String> meta) throws OnnxFormatException {
        List<Head> heads = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < outputs.size(); i++) {
            String output = outputs.get(i);
            NodeProto reader = NodeProto.newBuilder().setName(output).setOpType("graph output").build();
            Computed v = g.computed(output, reader);
            if (v == g.input || !sources.add(v.node())) {
                throw new OnnxFormatException("the graph output '" + output + "' is " + (v == g.input ? "the input"
                        : "the same value as another output") + "; import makes one head per computed output");
            }
            if (v.shape().rank() != 1) {
                throw new OnnxFormatException("the graph output '" + output + "' has the shape [N, " + v.onnxShape()
                        + "]; import reads classifiers, whose outputs are [N, scores]");
            }
            String name = headNames.get(i);
            g.rename(v.node(), name);
            heads.add(head(output, name, activations.get(output), v.shape().dim(0), meta));
        }
        return heads;
    }

    private static Head head(String output, String name, String activation, int size, Map<String, String> meta)
            throws OnnxFormatException {
        String prefix = "head." + output + ".";
        Loss loss;
        try {
            loss = meta.containsKey(prefix + "loss") ? Loss.fromId(meta.get(prefix + "loss"))
                    : "Sigmoid".equals(activation) ? Loss.SIGMOID_BINARY_CROSS_ENTROPY : Loss.SOFTMAX_CROSS_ENTROPY;
        } catch (IllegalArgumentException e) {
            throw new OnnxFormatException("the metadata names the loss '" + meta.get(prefix + "loss") + "' for the"
                    + " output '" + output + "', which is not registered here: " + OnnxFile.oneLine(e.getMessage()));
        }
        String expected = loss.targets() == Targets.CLASS ? "Softmax" : loss.targets() == Targets.TAGS ? "Sigmoid" : null;
        if (meta.containsKey(prefix + "loss") && activation != null && !activation.equals(expected)) {
            throw new OnnxFormatException("the output '" + output + "' ends in " + activation + " but its metadata"
                    + " names the loss " + loss.id() + "; the file was edited");
        }
        try {
            List<String> labels = OnnxMetadata.strings(meta.get(prefix + "labels"));
            if (labels == null && loss.targets() != Targets.VALUES) {
                boolean tags = loss.targets() == Targets.TAGS;
                labels = OnnxMetadata.strings(meta.get(tags ? "tags" : "classes"));
                if (labels == null || labels.size() != size) {
                    labels = IntStream.range(0, size).mapToObj(k -> (tags ? "tag" : "") + k).toList();
                }
            }
            if (labels != null && !labels.isEmpty() && labels.size() != size) {
                throw new OnnxFormatException("the metadata names " + labels.size() + " values for the output '"
                        + output + "', which has " + size);
            }
            Head head = new Head(name, loss, 1, labels == null ? List.of() : labels);
            List<Float> thresholds = OnnxMetadata.numbers(meta.get(prefix + "thresholds"));
            if (thresholds != null && loss.targets() == Targets.TAGS) {
                float[] t = new float[thresholds.size()];
                for (int k = 0; k < t.length; k++) {
                    t[k] = thresholds.get(k);
                }
                head = head.withThresholds(t);
            }
            return head;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new OnnxFormatException("the metadata of the output '" + output + "' is not what cnn writes: "
                    + OnnxFile.oneLine(e.getMessage()));
        }
    }
}
