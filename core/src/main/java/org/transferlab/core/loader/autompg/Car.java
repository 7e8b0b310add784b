package org.transferlab.core.loader.autompg;

/**
 * One record of the Auto MPG data. A null field is a missing value in the file.
 *
 * @param index          the record's position in the file's array, from 0
 * @param milesPerGallon the target; null when missing
 * @param features       cylinders, displacement, horsepower, weight (lbs), acceleration (s, 0-60 mph), model year
 *                       (e.g. 1970), in {@link AutoMpgLoader#FEATURES} order; an entry is NaN when missing
 * @param origin         where the car was made
 */
record Car(int index, Double milesPerGallon, float[] features, Origin origin) {
    boolean hasMissingFeature() {
        for (float value : features) {
            if (Float.isNaN(value)) {
                return true;
            }
        }
        return false;
    }
}
