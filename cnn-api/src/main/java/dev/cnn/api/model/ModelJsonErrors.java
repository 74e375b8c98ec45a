package dev.cnn.api.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.cnn.api.layer.LayerConfig;
import dev.cnn.api.loss.Loss;
import dev.cnn.api.tensor.Shape;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Jackson's errors reading a model description mean in the format's terms, by the place in the JSON: an unknown
 * field with the fields known there, a layer of no registered type, a value of the wrong kind, a value a record's own
 * check refused. No Java class name is shown.
 */
final class ModelJsonErrors {
    private static final Pattern KNOWN_IDS = Pattern.compile("known type ids = \\[([^\\]]*)\\]");

    private ModelJsonErrors() {
    }

    static String describe(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "not valid JSON: " + e.getOriginalMessage() + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        List<JsonMappingException.Reference> references = mapping.getPath();
        String place = ModelJsonPath.place(ModelJsonPath.of(references));
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            String parent = ModelJsonPath.of(references.subList(0, Math.max(0, references.size() - 1)));
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "unknown field " + ModelJsonPath.abbreviate(unknown.getPropertyName()) + " at "
                    + ModelJsonPath.place(parent) + (known == null || known.isEmpty() ? ", which takes no fields"
                    : "; the fields there are " + String.join(", ", known.stream().map(String::valueOf).sorted().toList()));
        }
        if (mapping instanceof InvalidTypeIdException type) {
            String kind = kind(type.getBaseType() == null ? null : type.getBaseType().getRawClass());
            Matcher ids = KNOWN_IDS.matcher(Objects.toString(type.getOriginalMessage(), ""));
            String known = ids.find() ? "; known: " + ids.group(1) : "";
            return type.getTypeId() == null ? place + " must be an object with a \"type\" naming its kind of " + kind
                    : place + " has the type '" + ModelJsonPath.abbreviate(type.getTypeId()) + "', which is no registered "
                    + kind + " type" + known;
        }
        if (mapping instanceof ValueInstantiationException refused) {
            Throwable cause = refused.getCause();
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return place + ": " + cause.getMessage();
            }
            // a record's own requireNonNull names what is missing; the JVM's own messages name Java, not the format
            String missing = cause == null ? null : cause.getMessage();
            return place + " lacks a value it needs" + (missing != null && !missing.startsWith("Cannot ")
                    ? " (" + missing + ")" : "");
        }
        if (mapping instanceof InvalidFormatException format) {
            Object value = format.getValue();
            String got = ModelJsonPath.abbreviate(String.valueOf(value));
            return place + " must be " + expected(format.getTargetType()) + ", got "
                    + (value instanceof String ? "\"" + got + "\"" : got);
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return place + " must be " + expected(mismatch.getTargetType());
        }
        if (mapping.getCause() instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
            Class<?> target = coercion.getTargetType();
            return place + " is out of range: it must be " + expected(target) + (target == int.class
                    || target == Integer.class ? " from -2147483648 to 2147483647" : "");
        }
        if (mapping instanceof InvalidDefinitionException definition && definition.getType() != null) {
            return place + " must be " + expected(definition.getType().getRawClass());
        }
        return place + " holds a value of a kind the format does not take there";
    }

    /** What a value of {@code type} is in JSON. */
    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Shape.class) {
            return "a list of positive whole numbers";
        }
        if (type == double[].class || type == float[].class) {
            return "a list of numbers";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of the names the format knows";
        }
        if (LayerConfig.class.isAssignableFrom(type) || Loss.class.isAssignableFrom(type)) {
            return "an object with a \"type\" naming its kind of " + kind(type);
        }
        return "an object";
    }

    private static String kind(Class<?> type) {
        return type != null && Loss.class.isAssignableFrom(type) ? "loss" : "layer";
    }
}
