package org.reprogram.workbench.core;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes small synthetic ImageFolder datasets for tests. */
public final class DatasetFixtures {

    private DatasetFixtures() {}

    /** K classes x N images of SIDE px (class c is a bar at row c); COLOR writes RGB JPEGs. */
    public static Path imageFolder(Path dir, int classes, int perClass, int side, boolean color) throws IOException {
        Path root = dir.resolve("data");
        for (int c = 0; c < classes; c++) {
            Path cdir = Files.createDirectories(root.resolve("class" + (char) ('a' + c)));
            for (int i = 0; i < perClass; i++) {
                BufferedImage img = new BufferedImage(side, side, color ? BufferedImage.TYPE_INT_RGB
                        : BufferedImage.TYPE_BYTE_GRAY);
                for (int x = 0; x < side; x++) {
                    img.setRGB(x, c % side, 0xffffff);
                    img.setRGB(x, (c + i) % side, color ? 0xff0000 : 0x808080);
                }
                ImageIO.write(img, color ? "jpg" : "png", cdir.resolve(i + (color ? ".jpg" : ".png")).toFile());
            }
        }
        return root;
    }
}
