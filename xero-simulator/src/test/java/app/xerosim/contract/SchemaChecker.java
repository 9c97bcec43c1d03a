package app.xerosim.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against an OpenAPI schema, covering the keywords Xero's files use: {@code $ref},
 * {@code type}, {@code properties}, {@code items}, {@code enum}, {@code required}, {@code maxLength} and
 * {@code format: uuid}. {@code date-time} is not checked: Xero's own payloads carry MS-JSON dates there.
 * Extra properties are allowed, as the files never forbid them.
 */
final class SchemaChecker {

    private final JsonNode document;

    SchemaChecker(JsonNode document) {
        this.document = document;
    }

    List<String> check(JsonNode value, JsonNode schema) {
        List<String> errors = new ArrayList<>();
        check(value, schema, "$", errors, 0);
        return errors;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        int hops = 0;
        while (current.has("$ref") && hops++ < 20) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("Only local references are supported: " + ref);
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private void check(JsonNode value, JsonNode rawSchema, String at, List<String> errors, int depth) {
        if (depth > 40) {
            return;
        }
        JsonNode schema = resolve(rawSchema);
        if (value.isNull()) {
            return;
        }
        String type = schema.path("type").asString("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    errors.add(at + ": expected an object, got " + value.getNodeType());
                    return;
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(at + ": expected an array, got " + value.getNodeType());
                    return;
                }
            }
            case "string" -> {
                if (!value.isString()) {
                    errors.add(at + ": expected a string, got " + value.getNodeType());
                    return;
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(at + ": expected an integer, got " + value);
                    return;
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    errors.add(at + ": expected a number, got " + value);
                    return;
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(at + ": expected a boolean, got " + value);
                    return;
                }
            }
            default -> {
                // untyped: anything goes, but properties and items still apply below
            }
        }
        if (schema.has("enum") && value.isValueNode()) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.asString().equals(value.asString());
            }
            if (!listed) {
                errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isString()) {
            if (schema.has("maxLength")
                    && value.asString().length() > schema.get("maxLength").asInt()) {
                errors.add(at + ": longer than " + schema.get("maxLength").asInt());
            }
            if ("uuid".equals(schema.path("format").asString(""))) {
                try {
                    UUID.fromString(value.asString());
                } catch (IllegalArgumentException e) {
                    errors.add(at + ": not a uuid: " + value.asString());
                }
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (Map.Entry<String, JsonNode> property : value.properties()) {
                JsonNode propertySchema = properties.get(property.getKey());
                if (propertySchema != null) {
                    check(property.getValue(), propertySchema, at + "." + property.getKey(), errors, depth + 1);
                }
            }
            if (schema.path("required").isArray()) {
                for (JsonNode name : schema.get("required")) {
                    if (!value.has(name.asString())) {
                        errors.add(at + ": missing required " + name.asString());
                    }
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                check(item, schema.get("items"), at + "[" + i++ + "]", errors, depth + 1);
            }
        }
    }
}
