package org.transferlab.experiments.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.transferlab.core.TransferLabException;

/** Saves a reproduction's XChart figures as PNG (for reading) and SVG (for papers), as the study reports do. */
public final class Figures {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Figures() {
    }

    /** Writes {@code folder/name.png} and {@code folder/name.svg} and returns Markdown showing the PNG. */
    public static String save(Chart<?, ?> chart, Path folder, String name, String caption) {
        Path base = folder.resolve(name);
        try {
            BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new TransferLabException(base + ": cannot write the figure (" + e + ")", e);
        }
        return "![" + caption + "](" + name + ".png) ([SVG](" + name + ".svg))\n";
    }
}
