package org.reprogram.workbench.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.reprogram.workbench.core.train.SamplePages;

/**
 * Pages of the sample gallery: one card per target class, {@link SamplePages#PAGE} classes a page;
 * « ‹ page 1/3 › » in the view. Turning the page asks the engine (through REQUEST) for that page's
 * images; until they arrive the gallery says so.
 */
public final class GalleryPaging {

    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final ReadOnlyIntegerWrapper pages = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private IntConsumer request = p -> { };
    private int classes;

    GalleryPaging() {
        page.addListener(o -> update());
        pages.addListener(o -> update());
        update();
    }

    /** The 0-based page shown. */
    public ReadOnlyIntegerProperty page() {
        return page;
    }

    /** How many pages the target classes need (1 for up to 24 classes). */
    public ReadOnlyIntegerProperty pages() {
        return pages;
    }

    /** "page 2/3 · classes 25-48 of 50", empty with a single page. */
    public ReadOnlyStringProperty text() {
        return text;
    }

    /** A new run with CLASSES target classes (0: unknown); REQUEST tells the engine the page. */
    void reset(int classes, IntConsumer pageRequest) {
        request = pageRequest;
        page.set(0);
        this.classes = classes;
        pages.set(SamplePages.pages(classes));
        update();
    }

    public void first() {
        show(0);
    }

    public void previous() {
        show(page.get() - 1);
    }

    public void next() {
        show(page.get() + 1);
    }

    public void last() {
        show(pages.get() - 1);
    }

    /** Shows page P (clamped) and asks the engine for its images. */
    public void show(int p) {
        int clamped = Math.max(0, Math.min(pages.get() - 1, p));
        if (clamped != page.get()) {
            page.set(clamped);
            request.accept(clamped);
        }
    }

    /** The first target class of the page shown. */
    int firstClass() {
        return page.get() * SamplePages.PAGE;
    }

    /** Whether true class T is on the page shown. */
    boolean onPage(int t) {
        return t >= firstClass() && t < firstClass() + SamplePages.PAGE;
    }

    /** The ITEMS whose true class is on the page shown (TRUETARGETS aligned with ITEMS). */
    <T> List<T> onPage(List<T> items, int[] trueTargets) {
        java.util.ArrayList<T> out = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (onPage(trueTargets[i])) {
                out.add(items.get(i));
            }
        }
        return out;
    }

    private void update() {
        int from = firstClass() + 1;
        int to = Math.min(classes, firstClass() + SamplePages.PAGE);
        text.set(pages.get() <= 1 ? "" : String.format(Locale.ROOT, "page %d/%d · classes %d-%d of %d",
                page.get() + 1, pages.get(), from, to, classes));
    }
}
