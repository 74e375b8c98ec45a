package dev.cnn.onnx;

import dev.cnn.onnx.proto.OnnxProto.AttributeProto;
import dev.cnn.onnx.proto.OnnxProto.NodeProto;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The attributes of one node, checked against the ones its operator's import understands: any other attribute is
 * refused (so nothing is silently ignored), as is an attribute of the wrong type. Errors name the operator and node.
 */
final class NodeAttributes {
    private final NodeProto node;
    private final Map<String, AttributeProto> byName = new HashMap<>();

    private NodeAttributes(NodeProto node) {
        this.node = node;
    }

    /** The attributes of {@code node}, all of which must be among {@code known}. */
    static NodeAttributes of(NodeProto node, String... known) throws OnnxFormatException {
        NodeAttributes a = new NodeAttributes(node);
        Set<String> allowed = Set.of(known);
        for (AttributeProto attribute : node.getAttributeList()) {
            if (!allowed.contains(attribute.getName())) {
                throw a.refuse("has the attribute '" + attribute.getName() + "', which import does not read; it reads "
                        + (known.length == 0 ? "no attributes" : String.join(", ", known)) + " there");
            }
            if (a.byName.put(attribute.getName(), attribute) != null) {
                throw a.refuse("has the attribute '" + attribute.getName() + "' twice");
            }
        }
        return a;
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    long integer(String name, long fallback) throws OnnxFormatException {
        AttributeProto a = typed(name, AttributeProto.AttributeType.INT);
        return a == null ? fallback : a.getI();
    }

    float real(String name, float fallback) throws OnnxFormatException {
        AttributeProto a = typed(name, AttributeProto.AttributeType.FLOAT);
        return a == null ? fallback : a.getF();
    }

    String text(String name, String fallback) throws OnnxFormatException {
        AttributeProto a = typed(name, AttributeProto.AttributeType.STRING);
        return a == null ? fallback : a.getS().toStringUtf8();
    }

    /** The integers of {@code name}, or null when absent; {@code count} of them when {@code count >= 0}. */
    long[] ints(String name, int count) throws OnnxFormatException {
        AttributeProto a = typed(name, AttributeProto.AttributeType.INTS);
        if (a == null) {
            return null;
        }
        if (count >= 0 && a.getIntsCount() != count) {
            throw refuse("has " + a.getIntsCount() + " values in '" + name + "' where a 2-d image needs " + count);
        }
        return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    AttributeProto raw(String name) {
        return byName.get(name);
    }

    private AttributeProto typed(String name, AttributeProto.AttributeType type) throws OnnxFormatException {
        AttributeProto a = byName.get(name);
        if (a != null && a.getType() != type) {
            throw refuse("has the attribute '" + name + "' of type " + a.getType() + " where ONNX says " + type);
        }
        return a;
    }

    /** A refusal naming this node: {@code node 'conv1' (Conv) <problem>}. */
    OnnxFormatException refuse(String problem) {
        return refuse(node, problem);
    }

    static OnnxFormatException refuse(NodeProto node, String problem) {
        return new OnnxFormatException(describe(node) + " " + problem);
    }

    static String describe(NodeProto node) {
        String name = node.getName().isEmpty() ? (node.getOutputCount() > 0 ? node.getOutput(0) : "?") : node.getName();
        return "node '" + name + "' (" + node.getOpType() + ")";
    }
}
