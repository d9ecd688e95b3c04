package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a folder yields, in which order, with which class. */
class ImageInputsTest {

    @Test
    void foldersAreWalkedLikeTheDatasetLoaderReadsThem(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("test");
        for (String f : List.of("cat/b.png", "cat/a.PNG", "cat-big/c.jpg", "cat/.hidden.png", ".cache/d.png",
                "cat/notes.txt", "dog/deep/e.gif", "zebra.bmp")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.writeString(root.resolve(f), "x");
        }
        List<ImageInputs.Input> in = ImageInputs.expand(List.of(root, tmp.resolve("loose.png")),
                List.of("cat", "cat-big", "dog", "deep"));
        assertEquals(List.of("cat/a.PNG", "cat/b.png", "cat-big/c.jpg", "dog/deep/e.gif", "zebra.bmp", "../loose.png"),
                in.stream().map(i -> root.relativize(i.file()).toString()).toList(),
                "class folders in name order (cat before cat-big), hidden and non-image files skipped, a named file kept");
        assertEquals(List.of(0, 0, 1, 3, -1, -1), in.stream().map(ImageInputs.Input::trueClass).toList(),
                "the class of the folder an image is in");
    }
}
