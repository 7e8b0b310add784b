package org.transferlab.experiments.report;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Pixel checks for the figure tests: is a colour drawn somewhere along a short horizontal run. */
public final class Pixels {
    private Pixels() {
    }

    /** Whether a pixel from x {@code from} to {@code to} (inclusive) on row {@code y} is within a small distance of {@code colour}. */
    public static boolean drawnBetween(BufferedImage image, int from, int to, int y, Color colour) {
        for (int x = Math.max(0, from); x <= Math.min(image.getWidth() - 1, to); x++) {
            if (distance(new Color(image.getRGB(x, y)), colour) < 90) {
                return true;
            }
        }
        return false;
    }

    /** Summed absolute difference of the red, green and blue channels (0 to 765). */
    public static int distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }
}
