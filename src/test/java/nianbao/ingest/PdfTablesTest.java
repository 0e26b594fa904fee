package nianbao.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nianbao.ingest.PdfReader.Glyph;
import nianbao.ingest.PdfRulings.Rule;
import org.junit.jupiter.api.Test;

/** Ruled PDF tables rebuilt from border strokes. */
class PdfTablesTest {

    /** Two tables set one under the other; the lower one's inner border is 2.5pt to the right of the upper one's. */
    @Test
    void bordersAHairApartAreOneGridLineForBothTables() {
        List<Rule> rules = new ArrayList<>();
        for (float y : new float[] {100, 120, 140}) rules.add(new Rule(true, y, 50, 250));
        rules.add(new Rule(false, 50, 100, 140));
        rules.add(new Rule(false, 250, 100, 140));
        rules.add(new Rule(false, 150, 100, 120));   // upper table's column border
        rules.add(new Rule(false, 152.5f, 120, 140)); // lower table's, a hair to the right
        List<PdfTables.Region> regions = PdfTables.regions(rules);
        assertThat(regions).hasSize(1);
        List<Glyph> glyphs = List.of(
                new Glyph(60, 115, 5, 10, "1"), new Glyph(200, 115, 5, 10, "2"),
                new Glyph(60, 135, 5, 10, "3"), new Glyph(200, 135, 5, 10, "4"));
        List<List<PlacedBlocks.Slot>> grid = regions.get(0).grid(glyphs);
        assertThat(grid).hasSize(2);
        // each row keeps its two cells apart (before, the lower row became one cell "3 4")
        assertThat(grid.get(1).stream().filter(PlacedBlocks.Slot::origin).map(PlacedBlocks.Slot::text)).containsExactly("3", "4");
        assertThat(grid.get(0).stream().filter(PlacedBlocks.Slot::origin).map(PlacedBlocks.Slot::text)).containsExactly("1", "2");
    }
}
