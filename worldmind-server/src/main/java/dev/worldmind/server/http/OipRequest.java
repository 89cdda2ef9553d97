package dev.worldmind.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.model.vision.ImageShape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One inference request of the Open Inference Protocol (KServe v2) for an image classifier: its
 * JSON header and, with the binary tensor extension, the raw little-endian {@code FP32} bytes that
 * follow it ({@code Inference-Header-Content-Length} bytes of JSON, then each input's {@code
 * binary_data_size} bytes in order). Checks everything a client can get wrong and says what, in the
 * protocol's words.
 *
 * @param id the request's id, echoed in the answer, or null
 * @param pixels {@code count} images back to back, values in [0, 1]
 * @param count how many images
 * @param outputs the outputs asked for (empty: all, as JSON)
 * @param binaryOutput whether outputs not named are wanted as binary data
 */
record OipRequest(
        String id, float[] pixels, int count, List<Output> outputs, boolean binaryOutput) {
    /** The only input an image classifier takes. */
    static final String INPUT = "input";

    /** Its output: the class probabilities. */
    static final String OUTPUT = "probabilities";

    /**
     * An output asked for.
     *
     * @param name its name
     * @param classification how many top classes to return as labels, 0 for the tensor
     * @param binary whether to return it as binary data
     */
    record Output(String name, int classification, boolean binary) {}

    /**
     * Reads a request.
     *
     * @param body the whole body
     * @param headerLength the {@code Inference-Header-Content-Length} header, or null for JSON only
     * @param shape what one image of the model is
     * @return the request
     * @throws ApiException (400) for anything malformed
     */
    static OipRequest read(byte[] body, String headerLength, ImageShape shape) {
        int jsonLength = body.length;
        if (headerLength != null) {
            try {
                jsonLength = Integer.parseInt(headerLength.trim());
            } catch (NumberFormatException e) {
                throw bad(
                        "Inference-Header-Content-Length must be a whole number, got '"
                                + clip(headerLength)
                                + "'");
            }
            if (jsonLength <= 0 || jsonLength > body.length) {
                throw bad(
                        "Inference-Header-Content-Length is "
                                + jsonLength
                                + " but the body has "
                                + body.length
                                + " bytes");
            }
        }
        JsonNode header;
        try {
            header =
                    Json.mapper().readTree(new String(body, 0, jsonLength, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw bad("the inference header is not valid JSON");
        }
        if (header == null || !header.isObject()) {
            throw bad("the inference header must be a JSON object");
        }
        JsonNode inputs = header.path("inputs");
        if (!inputs.isArray() || inputs.size() != 1) {
            throw bad("\"inputs\" must hold exactly one tensor, named '" + INPUT + "'");
        }
        JsonNode input = inputs.get(0);
        String name = input.path("name").asText("");
        if (!name.equals(INPUT)) {
            throw bad(
                    "unexpected inference input '"
                            + clip(name)
                            + "'; the model takes '"
                            + INPUT
                            + "'");
        }
        String datatype = input.path("datatype").asText("");
        if (!datatype.equals("FP32")) {
            throw bad(
                    "input '" + INPUT + "' must have datatype FP32, got '" + clip(datatype) + "'");
        }
        int count = images(input.path("shape"), shape);
        int values = count * shape.size();
        float[] pixels;
        JsonNode binarySize = input.path("parameters").path("binary_data_size");
        if (!binarySize.isMissingNode()) {
            long declared = binarySize.asLong(-1);
            if (declared != (long) values * Float.BYTES) {
                throw bad(
                        "input '"
                                + INPUT
                                + "' has shape "
                                + input.path("shape")
                                + ", which is "
                                + ((long) values * Float.BYTES)
                                + " bytes of FP32, but binary_data_size is "
                                + binarySize);
            }
            int available = body.length - jsonLength;
            if (available < declared) {
                throw bad(
                        "the binary data ends after "
                                + available
                                + " bytes; input '"
                                + INPUT
                                + "' declares binary_data_size "
                                + declared);
            }
            if (available > declared) {
                throw bad(
                        "the body has "
                                + (available - declared)
                                + " bytes after the inputs' binary data");
            }
            pixels = new float[values];
            FloatBuffer floats =
                    ByteBuffer.wrap(body, jsonLength, (int) declared)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .asFloatBuffer();
            floats.get(pixels);
        } else {
            if (jsonLength != body.length) {
                throw bad("binary data follows the header, but no input declares binary_data_size");
            }
            pixels = flatten(input.path("data"), values);
        }
        for (int i = 0; i < pixels.length; i++) {
            float v = pixels[i];
            if (!(v >= 0f && v <= 1f)) {
                throw bad(
                        "input '"
                                + INPUT
                                + "' has the value "
                                + v
                                + " at "
                                + i
                                + "; pixel values must be in [0, 1]");
            }
        }
        String id = header.path("id").isTextual() ? header.get("id").asText() : null;
        boolean binaryOutput =
                header.path("parameters").path("binary_data_output").asBoolean(false);
        return new OipRequest(id, pixels, count, outputs(header.path("outputs")), binaryOutput);
    }

    /** How many images a shape holds: [n, c, h, w], [n, h, w] for one channel, or [n, c*h*w]. */
    private static int images(JsonNode shape, ImageShape image) {
        if (!shape.isArray() || shape.size() < 2 || shape.size() > 4) {
            throw bad(
                    "input '"
                            + INPUT
                            + "' needs a shape [n, c, h, w], [n, h, w] or [n, "
                            + image.size()
                            + "]");
        }
        long per = 1;
        for (int i = 1; i < shape.size(); i++) {
            if (!shape.get(i).canConvertToInt() || shape.get(i).asInt() < 1) {
                throw bad(
                        "input '"
                                + INPUT
                                + "' has the shape "
                                + shape
                                + "; its sizes must be whole numbers from 1");
            }
            per *= shape.get(i).asInt();
        }
        boolean fits =
                per == image.size()
                        && switch (shape.size()) {
                            case 4 ->
                                    shape.get(1).asInt() == image.channels()
                                            && shape.get(2).asInt() == image.height()
                                            && shape.get(3).asInt() == image.width();
                            case 3 ->
                                    image.channels() == 1
                                            && shape.get(1).asInt() == image.height()
                                            && shape.get(2).asInt() == image.width();
                            default -> true;
                        };
        if (!fits) {
            throw bad(
                    "input '"
                            + INPUT
                            + "' has the shape "
                            + shape
                            + "; the model takes [n, "
                            + image.channels()
                            + ", "
                            + image.height()
                            + ", "
                            + image.width()
                            + "]");
        }
        JsonNode n = shape.get(0);
        if (!n.canConvertToInt() || n.asInt() < 1 || n.asInt() > PredictInput.MAX_IMAGES) {
            throw bad(
                    "input '"
                            + INPUT
                            + "' holds "
                            + n
                            + " images; 1 to "
                            + PredictInput.MAX_IMAGES
                            + " are allowed");
        }
        return n.asInt();
    }

    /** The data as a flat or nested array of exactly {@code values} numbers. */
    private static float[] flatten(JsonNode data, int values) {
        if (!data.isArray()) {
            throw bad("input '" + INPUT + "' needs \"data\" (or binary data)");
        }
        float[] out = new float[values];
        int[] at = {0};
        collect(data, out, at, 0);
        if (at[0] != values) {
            throw bad(
                    "input '"
                            + INPUT
                            + "' has "
                            + at[0]
                            + " values in \"data\"; its shape needs "
                            + values);
        }
        return out;
    }

    private static void collect(JsonNode node, float[] out, int[] at, int depth) {
        if (depth > 4) {
            throw bad("input '" + INPUT + "' nests \"data\" deeper than its shape");
        }
        for (JsonNode v : node) {
            if (v.isArray()) {
                collect(v, out, at, depth + 1);
            } else if (v.isNumber()) {
                if (at[0] >= out.length) {
                    at[0]++;
                    continue; // counted, to say how many there were
                }
                out[at[0]++] = v.floatValue();
            } else {
                throw bad("input '" + INPUT + "' has a value that is not a number in \"data\"");
            }
        }
    }

    private static List<Output> outputs(JsonNode outputs) {
        List<Output> out = new ArrayList<>();
        if (outputs.isMissingNode() || outputs.isNull()) {
            return out;
        }
        if (!outputs.isArray()) {
            throw bad("\"outputs\" must be an array");
        }
        for (JsonNode o : outputs) {
            String name = o.path("name").asText("");
            if (!name.equals(OUTPUT)) {
                throw bad(
                        "unexpected inference output '"
                                + clip(name)
                                + "'; the model gives '"
                                + OUTPUT
                                + "'");
            }
            JsonNode k = o.path("parameters").path("classification");
            int classification = k.isMissingNode() ? 0 : k.asInt(-1);
            if (classification < 0) {
                throw bad("classification must be a whole number of classes, got " + k);
            }
            out.add(
                    new Output(
                            name,
                            classification,
                            o.path("parameters").path("binary_data").asBoolean(false)));
        }
        return out;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static ApiException bad(String message) {
        return ApiException.badRequest(message);
    }
}
