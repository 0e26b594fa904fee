package nianbao.ingest;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The horizontal and vertical strokes of a page (table borders), in top-down page
 * coordinates like the text positions. Thin filled rectangles count as lines: many
 * producers draw borders that way. Also counts images, to tell a scan from an empty page.
 */
final class PdfRulings extends PDFGraphicsStreamEngine {
    /** A horizontal (h) or vertical segment: at {@code pos} from {@code from} to {@code to}. */
    record Rule(boolean h, float pos, float from, float to) {}

    private static final float THIN = 2.5f;
    final List<Rule> rules = new ArrayList<>();
    int images;
    private final List<float[]> path = new ArrayList<>(); // x1,y1,x2,y2 in PDF space
    private final List<float[]> rects = new ArrayList<>();
    private Point2D.Float current = new Point2D.Float();
    private Point2D.Float start = new Point2D.Float();
    private final float top, left;

    PdfRulings(PDPage page) {
        super(page);
        PDRectangle box = page.getCropBox();
        top = box.getUpperRightY();
        left = box.getLowerLeftX();
    }

    static PdfRulings of(PDPage page) throws IOException {
        PdfRulings r = new PdfRulings(page);
        r.processPage(page);
        return r;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        float x1 = (float) Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
        float x2 = (float) Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
        float y1 = (float) Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
        float y2 = (float) Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
        rects.add(new float[] {x1, y1, x2, y2});
        current = new Point2D.Float((float) p0.getX(), (float) p0.getY());
        start = current;
    }

    @Override public void drawImage(PDImage pdImage) { images++; }
    @Override public void clip(int windingRule) { }

    @Override
    public void moveTo(float x, float y) {
        current = new Point2D.Float(x, y);
        start = current;
    }

    @Override
    public void lineTo(float x, float y) {
        path.add(new float[] {current.x, current.y, x, y});
        current = new Point2D.Float(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current = new Point2D.Float(x3, y3);
    }

    @Override public Point2D getCurrentPoint() { return current; }

    @Override
    public void closePath() {
        if (current.x != start.x || current.y != start.y) path.add(new float[] {current.x, current.y, start.x, start.y});
        current = start;
    }

    @Override
    public void endPath() { clear(); }

    @Override
    public void strokePath() {
        for (float[] s : path) segment(s[0], s[1], s[2], s[3]);
        for (float[] r : rects) {
            segment(r[0], r[1], r[2], r[1]);
            segment(r[0], r[3], r[2], r[3]);
            segment(r[0], r[1], r[0], r[3]);
            segment(r[2], r[1], r[2], r[3]);
        }
        clear();
    }

    @Override
    public void fillPath(int windingRule) {
        for (float[] r : rects) thinRect(r[0], r[1], r[2], r[3]);
        // A closed thin polygon drawn with lineTo is a filled bar too.
        if (!path.isEmpty()) {
            float x1 = Float.MAX_VALUE, y1 = Float.MAX_VALUE, x2 = -Float.MAX_VALUE, y2 = -Float.MAX_VALUE;
            for (float[] s : path) {
                x1 = Math.min(x1, Math.min(s[0], s[2]));
                x2 = Math.max(x2, Math.max(s[0], s[2]));
                y1 = Math.min(y1, Math.min(s[1], s[3]));
                y2 = Math.max(y2, Math.max(s[1], s[3]));
            }
            thinRect(x1, y1, x2, y2);
        }
        clear();
    }

    @Override
    public void fillAndStrokePath(int windingRule) { strokePath(); }

    @Override public void shadingFill(COSName shadingName) { }

    private void clear() {
        path.clear();
        rects.clear();
    }

    private void thinRect(float x1, float y1, float x2, float y2) {
        float w = x2 - x1, h = y2 - y1;
        if (h <= THIN && w > h) segment(x1, (y1 + y2) / 2, x2, (y1 + y2) / 2);
        else if (w <= THIN && h > w) segment((x1 + x2) / 2, y1, (x1 + x2) / 2, y2);
    }

    private void segment(float x1, float y1, float x2, float y2) {
        float dx = Math.abs(x2 - x1), dy = Math.abs(y2 - y1);
        if (dy < 1 && dx >= 3) {
            rules.add(new Rule(true, top - (y1 + y2) / 2, Math.min(x1, x2) - left, Math.max(x1, x2) - left));
        } else if (dx < 1 && dy >= 3) {
            rules.add(new Rule(false, (x1 + x2) / 2 - left, top - Math.max(y1, y2), top - Math.min(y1, y2)));
        }
    }
}
