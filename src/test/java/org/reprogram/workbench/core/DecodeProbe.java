package org.reprogram.workbench.core;

import java.nio.file.Path;
import org.reprogram.workbench.core.data.ImageDecoder;
import org.reprogram.workbench.core.data.RasterImage;

/** Decodes one image in a JVM of its own (a test starts it with a small heap) and prints WIDTHxHEIGHTxCHANNELS. */
public final class DecodeProbe {

    private DecodeProbe() {}

    public static void main(String[] args) {
        RasterImage img = ImageDecoder.read(Path.of(args[0]));
        System.out.println(img.width() + "x" + img.height() + "x" + img.channels());
    }
}
