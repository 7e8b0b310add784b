package org.transferlab.core.loader.autompg;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.transferlab.core.TransferLabException;

/**
 * Reads the Auto MPG records of vega-datasets' {@code cars.json}: a JSON array of objects with the
 * fields Name, Miles_per_Gallon, Cylinders, Displacement, Horsepower, Weight_in_lbs, Acceleration,
 * Year ("1970-01-01") and Origin (USA, Europe, Japan). Numbers may be null (a missing value); Origin
 * may not. Malformed JSON, a missing field, a value of the wrong type or an unknown origin is an error
 * that names the file, the record (its index from 0 and its line) and the field.
 */
final class CarsJson {
    static final String MPG = "Miles_per_Gallon";
    /** The feature fields, in {@link AutoMpgLoader#FEATURES} order. */
    static final List<String> FEATURE_FIELDS = List.of("Cylinders", "Displacement", "Horsepower", "Weight_in_lbs",
            "Acceleration", "Year");
    static final String YEAR = "Year";
    static final String ORIGIN = "Origin";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private CarsJson() {
    }

    static List<Car> parse(Path file, byte[] json) {
        List<Car> cars = new ArrayList<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new TransferLabException(file + ": expected a JSON array of car records at line "
                        + parser.currentTokenLocation().getLineNr() + ", found " + describe(parser.currentToken()));
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation start = parser.currentTokenLocation();
                JsonNode node = MAPPER.readTree(parser);
                cars.add(car(new Where(file, cars.size(), start.getLineNr()), node));
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new TransferLabException(file + ": unexpected " + describe(trailing) + " after the array at line "
                        + parser.currentTokenLocation().getLineNr() + "; expected the end of the file");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new TransferLabException(file + ": malformed JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + " (" + (cars.isEmpty() ? "before the first record" : "after record " + (cars.size() - 1))
                    + "): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TransferLabException(file + ": cannot read (" + e + ")", e);
        }
        if (cars.isEmpty()) {
            throw new TransferLabException(file + ": the JSON array has no car records");
        }
        return cars;
    }

    private record Where(Path file, int index, long line) {
        TransferLabException error(String field, String problem) {
            return new TransferLabException(file + ": record " + index + " (line " + line + ")"
                    + (field == null ? "" : ", field '" + field + "'") + ": " + problem);
        }
    }

    private static Car car(Where where, JsonNode node) {
        if (!node.isObject()) {
            throw where.error(null, "expected an object with the fields " + MPG + ", " + String.join(", ", FEATURE_FIELDS)
                    + ", " + ORIGIN + ", got " + kind(node));
        }
        Double mpg = number(where, node, MPG);
        float[] features = new float[FEATURE_FIELDS.size()];
        for (int j = 0; j < features.length; j++) {
            String field = FEATURE_FIELDS.get(j);
            Double value = field.equals(YEAR) ? year(where, node) : number(where, node, field);
            features[j] = value == null ? Float.NaN : value.floatValue();
        }
        JsonNode origin = field(where, node, ORIGIN);
        if (!origin.isTextual()) {
            throw where.error(ORIGIN, "expected one of " + Origin.labels() + ", got " + kind(origin));
        }
        Origin parsed = Origin.parse(origin.textValue()).orElseThrow(() -> where.error(ORIGIN,
                "expected one of " + Origin.labels() + ", got \"" + origin.textValue() + "\""));
        return new Car(where.index(), mpg, features, parsed);
    }

    private static JsonNode field(Where where, JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw where.error(name, "missing; every record needs it (null for a missing value)");
        }
        return value;
    }

    private static Double number(Where where, JsonNode node, String name) {
        JsonNode value = field(where, node, name);
        if (value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw where.error(name, "expected a number or null, got " + kind(value));
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            throw where.error(name, "expected a finite number, got " + value);
        }
        return number;
    }

    /** The model year of a date like "1970-01-01": 1970. */
    private static Double year(Where where, JsonNode node) {
        JsonNode value = field(where, node, YEAR);
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw where.error(YEAR, "expected a date like \"1970-01-01\" or null, got " + kind(value));
        }
        try {
            return (double) LocalDate.parse(value.textValue()).getYear();
        } catch (DateTimeParseException e) {
            throw where.error(YEAR, "expected a date like \"1970-01-01\", got \"" + value.textValue() + "\"");
        }
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "the string \"" + node.textValue() + "\"";
            case NUMBER -> "the number " + node;
            case BOOLEAN -> "the boolean " + node;
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase();
        };
    }

    private static String describe(JsonToken token) {
        return token == null ? "the end of the file" : token.asString() == null ? token.name() : "'" + token.asString() + "'";
    }
}
