package nianbao.ingest.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import nianbao.ingest.IngestException;
import nianbao.ingest.Ingestor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cut and scrambled copies of the Word/PDF fixtures: each is read or refused with an IngestException, nothing else. */
class DamagedInputsTest {

    @ParameterizedTest
    @ValueSource(strings = {"004.docx", "004.doc", "003.pdf"})
    void cutOrScrambledFilesNeverEscapeAsRuntimeErrors(String name) throws Exception {
        byte[] good = Files.readAllBytes(OfficeFormsTest.DIR.resolve(name));
        Random random = new Random(name.hashCode());
        int refused = 0;
        for (int k = 0; k < 16; k++) {
            byte[] bad;
            if (k < 8) {
                bad = Arrays.copyOf(good, good.length * (k + 1) / 9);
            } else {
                bad = good.clone();
                for (int i = 0; i < 40; i++) bad[512 + random.nextInt(bad.length - 512)] ^= (byte) (1 + random.nextInt(255));
            }
            try {
                new Ingestor().read(name, bad);
            } catch (IngestException e) {
                refused++;
                assertThat(e.getMessage()).contains(" / ").doesNotContain("\n");
            }
        }
        assertThat(refused).as("the cut copies at least are refused").isGreaterThan(0);
    }
}
