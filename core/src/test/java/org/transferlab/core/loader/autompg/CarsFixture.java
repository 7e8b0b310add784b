package org.transferlab.core.loader.autompg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tiny cars.json in the real file's format, one record a line (record i on line i + 2), with
 * distinct MPG values so a test can tell which car landed where. Modelled on the first cars of the
 * real file; three USA cars lack a value (one MPG, two horsepower), like the real file's.
 */
final class CarsFixture {
    /** One car; a null is written as JSON null. */
    record Spec(Double mpg, int cylinders, double displacement, Double horsepower, int weight, double acceleration,
                int year, String origin) {
        Spec withHorsepower(Double value) {
            return new Spec(mpg, cylinders, displacement, value, weight, acceleration, year, origin);
        }

        String json() {
            return String.format(Locale.ROOT, "{\"Name\":\"car %s\",\"Miles_per_Gallon\":%s,\"Cylinders\":%d,"
                    + "\"Displacement\":%s,\"Horsepower\":%s,\"Weight_in_lbs\":%d,\"Acceleration\":%s,"
                    + "\"Year\":\"%d-01-01\",\"Origin\":\"%s\"}", mpg, number(mpg), cylinders, number(displacement),
                    number(horsepower), weight, number(acceleration), year, origin);
        }

        private static String number(Double value) {
            return value == null ? "null" : value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString();
        }
    }

    static final List<Spec> CARS = List.of(
            new Spec(18.0, 8, 307, 130.0, 3504, 12, 1970, "USA"),
            new Spec(15.0, 8, 350, 165.0, 3693, 11.5, 1970, "USA"),
            new Spec(null, 8, 318, 150.0, 3436, 11, 1970, "USA"),
            new Spec(16.0, 8, 304, 150.0, 3433, 12, 1970, "USA"),
            new Spec(17.0, 8, 302, 140.0, 3449, 10.5, 1970, "USA"),
            new Spec(25.0, 4, 98, null, 2046, 19, 1971, "USA"),
            new Spec(21.0, 6, 200, null, 2875, 17, 1974, "USA"),
            new Spec(22.0, 6, 198, 95.0, 2833, 15.5, 1970, "USA"),
            new Spec(14.0, 8, 440, 215.0, 4312, 8.5, 1970, "USA"),
            new Spec(19.0, 6, 225, 105.0, 3439, 15.5, 1971, "USA"),
            new Spec(26.0, 4, 97, 46.0, 1835, 20.5, 1970, "Europe"),
            new Spec(25.5, 4, 110, 87.0, 2672, 17.5, 1970, "Europe"),
            new Spec(24.0, 4, 107, 90.0, 2430, 14.5, 1970, "Europe"),
            new Spec(24.5, 4, 113, 95.0, 2372, 15, 1970, "Japan"),
            new Spec(27.0, 4, 97, 88.0, 2130, 14.5, 1971, "Japan"));

    private CarsFixture() {
    }

    static byte[] json(List<Spec> cars) {
        List<String> records = new ArrayList<>();
        cars.forEach(c -> records.add(c.json()));
        return ("[\n" + String.join(",\n", records) + "\n]\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The fixture with the record at {@code index} replaced by the text {@code record}. */
    static byte[] withRecord(int index, String record) {
        List<String> records = new ArrayList<>();
        CARS.forEach(c -> records.add(c.json()));
        records.set(index, record);
        return ("[\n" + String.join(",\n", records) + "\n]\n").getBytes(StandardCharsets.UTF_8);
    }
}
