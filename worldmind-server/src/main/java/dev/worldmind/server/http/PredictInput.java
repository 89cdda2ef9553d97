package dev.worldmind.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.image.DecoderBusyException;
import dev.worldmind.data.image.ImageIntake;
import dev.worldmind.model.explain.ExplanationMethod;
import dev.worldmind.model.serve.OverloadedException;
import dev.worldmind.model.vision.ImageShape;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The images of a predict request, as pixel values in [0, 1]: parsed from JSON (streamed, so a big
 * body never becomes a tree) or decoded from an uploaded image file.
 *
 * @param pixels the images back to back, channels first
 * @param count how many images
 * @param explain the explanation asked for, or null for plain predictions
 */
record PredictInput(float[] pixels, int count, ExplanationMethod explain) {
    /** The most images one request may carry. */
    static final int MAX_IMAGES = 512;

    PredictInput(float[] pixels, int count) {
        this(pixels, count, null);
    }

    /**
     * Returns this input with an explanation method.
     *
     * @param method the method, or null for none
     */
    PredictInput withExplain(ExplanationMethod method) {
        return new PredictInput(pixels, count, method);
    }

    /**
     * Parses an explanation method name, as given in a body field or query parameter.
     *
     * @param id {@code grad-cam} or {@code saliency}; null or empty for none
     * @return the method, or null
     */
    static ExplanationMethod method(String id) {
        return id == null || id.isBlank() ? null : ExplanationMethod.parse(id);
    }

    /**
     * Parses {@code {"instances": [image, ...]}} where each image is a flat or nested array of
     * {@code C*H*W} numbers in [0, 1], or {@code {"shape": [n, c, h, w], "data": [...]}}.
     */
    static PredictInput json(InputStream body, ImageShape shape) {
        try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ApiException.badRequest(
                        "the body must be a JSON object with \"instances\" (or \"shape\" and"
                                + " \"data\")");
            }
            float[] data = null;
            int count = -1;
            int[] declared = null;
            ExplanationMethod explain = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "instances" -> {
                        Parsed parsed = instances(p, shape);
                        data = parsed.values();
                        count = parsed.count();
                    }
                    case "data" -> data = flat(p, shape.size());
                    case "shape" -> declared = Json.mapper().readValue(p, int[].class);
                    case "explain" -> {
                        if (p.currentToken() != JsonToken.VALUE_NULL
                                && p.currentToken() != JsonToken.VALUE_STRING) {
                            throw ApiException.badRequest(
                                    "\"explain\" must be \"grad-cam\" or \"saliency\"");
                        }
                        explain = method(p.getValueAsString());
                    }
                    default -> p.skipChildren();
                }
            }
            if (declared != null) {
                if (data == null) {
                    throw ApiException.badRequest("\"shape\" needs \"data\"");
                }
                count = checkShape(declared, shape, data.length);
            }
            // Zero images ({"instances": []}) is no request either (found by PredictInputFuzzTest).
            if (data == null || count < 1) {
                throw ApiException.badRequest(
                        "no images: send {\"instances\": [[...], ...]} with "
                                + describe(shape)
                                + " values in [0, 1] per image");
            }
            return new PredictInput(data, count, explain);
        } catch (JsonParseException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the body: " + e.getMessage());
        }
    }

    private static Parsed instances(JsonParser p, ImageShape shape) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw ApiException.badRequest("\"instances\" must be an array of images");
        }
        int size = shape.size();
        float[] out = new float[size * 4];
        int n = 0;
        int count = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY) {
                throw ApiException.badRequest(
                        "instance "
                                + count
                                + " must be an array of "
                                + describe(shape)
                                + " numbers");
            }
            if (count == MAX_IMAGES) {
                throw ApiException.badRequest("at most " + MAX_IMAGES + " images per request");
            }
            int start = n;
            int depth = 1;
            while (depth > 0) {
                t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    if (n - start == size) {
                        throw wrongSize(count, "more than " + size, shape);
                    }
                    if (n == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = pixel(p.getFloatValue(), count);
                } else {
                    throw ApiException.badRequest(
                            "instance "
                                    + count
                                    + " holds "
                                    + t.asString()
                                    + "; only numbers go in");
                }
            }
            if (n - start != size) {
                throw wrongSize(count, Integer.toString(n - start), shape);
            }
            count++;
        }
        return new Parsed(Arrays.copyOf(out, n), count);
    }

    private static float[] flat(JsonParser p, int size) throws IOException {
        int max = size * MAX_IMAGES;
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw ApiException.badRequest("\"data\" must be a flat array of numbers");
        }
        float[] out = new float[1024];
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw ApiException.badRequest("\"data\" must be a flat array of numbers");
            }
            if (n == max) {
                throw ApiException.badRequest("\"data\" holds more than " + max + " values");
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n] = pixel(p.getFloatValue(), n / size);
            n++;
        }
        return Arrays.copyOf(out, n);
    }

    private static int checkShape(int[] declared, ImageShape shape, int values) {
        int[] want = {shape.channels(), shape.height(), shape.width()};
        if (declared.length != 4
                || declared[0] < 1
                || !Arrays.equals(Arrays.copyOfRange(declared, 1, 4), want)) {
            throw ApiException.badRequest(
                    "\"shape\" must be [n, "
                            + want[0]
                            + ", "
                            + want[1]
                            + ", "
                            + want[2]
                            + "], got "
                            + Arrays.toString(declared));
        }
        if ((long) declared[0] * shape.size() != values) {
            throw ApiException.badRequest(
                    "\"shape\" "
                            + Arrays.toString(declared)
                            + " needs "
                            + (long) declared[0] * shape.size()
                            + " values, \"data\" has "
                            + values);
        }
        return declared[0];
    }

    private static float pixel(float v, int image) {
        if (!(v >= 0f && v <= 1f)) {
            throw ApiException.badRequest(
                    "image " + image + " has the value " + v + "; pixel values must be in [0, 1]");
        }
        return v;
    }

    private static ApiException wrongSize(int image, String got, ImageShape shape) {
        return ApiException.badRequest(
                "instance "
                        + image
                        + " has "
                        + got
                        + " values; the model takes "
                        + describe(shape));
    }

    private static String describe(ImageShape s) {
        return s.channels() + "x" + s.height() + "x" + s.width() + " = " + s.size();
    }

    /**
     * Decodes an uploaded PNG, JPEG, GIF or BMP into one model input: scaled to the model's size,
     * grey or RGB as it takes, and inverted when asked or (with {@code invert} null) when the
     * picture is mostly light, since the digit models learned light strokes on black. The intake
     * checks the header (format, pixels, frames) before anything is decoded.
     *
     * @throws dev.worldmind.core.InvalidDataException when the picture is refused (400)
     * @throws OverloadedException when every decoder is busy (503)
     */
    static PredictInput image(ImageIntake intake, byte[] bytes, ImageShape shape, Boolean invert) {
        BufferedImage src;
        try {
            src = intake.decode(bytes, "the upload");
        } catch (DecoderBusyException e) {
            throw new OverloadedException(e.getMessage());
        }
        BufferedImage scaled =
                new BufferedImage(shape.width(), shape.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, shape.width(), shape.height(), java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        int hw = shape.height() * shape.width();
        float[] out = new float[shape.size()];
        double mean = 0;
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                int rgb = scaled.getRGB(x, y);
                float r = ((rgb >> 16) & 0xff) / 255f;
                float gr = ((rgb >> 8) & 0xff) / 255f;
                float b = (rgb & 0xff) / 255f;
                int at = y * shape.width() + x;
                if (shape.channels() == 1) {
                    out[at] = 0.299f * r + 0.587f * gr + 0.114f * b;
                    mean += out[at];
                } else {
                    out[at] = r;
                    out[hw + at] = gr;
                    out[2 * hw + at] = b;
                    mean += (r + gr + b) / 3;
                }
            }
        }
        boolean flip = invert != null ? invert : mean / hw > 0.5;
        if (flip) {
            for (int i = 0; i < out.length; i++) {
                out[i] = 1f - out[i];
            }
        }
        return new PredictInput(out, 1);
    }

    private record Parsed(float[] values, int count) {}
}
