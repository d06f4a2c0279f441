package dev.meshlens.importers.file;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CountingReaderTest {

    private static CountingReader drained(String text, long every, List<long[]> reports) throws IOException {
        CountingReader reader = new CountingReader(new StringReader(text), every,
                (lines, chars) -> reports.add(new long[] {lines, chars}));
        // read in small chunks, as a parser does, so that several steps are crossed
        char[] chunk = new char[10];
        while (reader.read(chunk, 0, chunk.length) != -1) {
            // only counting
        }
        return reader;
    }

    @Test
    void lastLineCountsWithOrWithoutItsLineBreak() throws IOException {
        assertThat(drained("a\nb\n", 100, new ArrayList<>()).lines()).isEqualTo(2);
        assertThat(drained("a\nb", 100, new ArrayList<>()).lines()).isEqualTo(2);
        assertThat(drained("", 100, new ArrayList<>()).lines()).isZero();
    }

    @Test
    void currentLineIsTheLineOfTheNextCharacter() throws IOException {
        assertThat(drained("a\nb\n", 100, new ArrayList<>()).currentLine()).isEqualTo(3);
    }

    @Test
    void reportsOnceForEveryStepOfCharacters() throws IOException {
        List<long[]> reports = new ArrayList<>();

        drained("0123456789\n".repeat(10), 25, reports);

        // 110 characters in reads of 10: the steps 25, 50, 75 and 100 are crossed after 30, 50, 80 and 100
        assertThat(reports).extracting(r -> r[1]).containsExactly(30L, 50L, 80L, 100L);
        assertThat(reports).extracting(r -> r[0]).containsExactly(3L, 5L, 8L, 10L);
    }

    @Test
    void skippedCharactersAreCountedToo() throws IOException {
        Reader reader = new CountingReader(new StringReader("a\nb\nc"), 100, (lines, chars) -> { });

        assertThat(reader.skip(4)).isEqualTo(4);
        assertThat(((CountingReader) reader).currentLine()).isEqualTo(3);
    }
}
