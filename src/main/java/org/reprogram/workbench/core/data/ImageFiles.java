package org.reprogram.workbench.core.data;

import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Images that stay on disk: every {@link #get} decodes the file again (the streaming form of an
 * image folder larger than the data-memory budget). The files were decoded once at load time,
 * so a file that fails here was changed or removed while the run was going on; the error names it.
 */
final class ImageFiles extends AbstractList<RasterImage> implements RandomAccess {

    private final List<Path> files;
    private final int maxSide;

    ImageFiles(List<Path> files, int maxSide) {
        this.files = List.copyOf(files);
        this.maxSide = maxSide;
    }

    @Override
    public RasterImage get(int index) {
        return ImageDecoder.read(files.get(index)).bounded(maxSide);
    }

    @Override
    public int size() {
        return files.size();
    }
}
