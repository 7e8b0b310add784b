package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reproduce command as a user types it. */
class ReproduceCommandTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownNameFailsWithTheKnownNamesAndWritesNothing() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(new String[] {"reproduce", "yosinski", "--out", dir.resolve("results").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(TransferLabCommand.USER_ERROR, code);
        assertTrue(err.toString().contains("unknown reproduction 'yosinski'"), err.toString());
        assertTrue(err.toString().contains("fashion-mnist-benchmark") && err.toString().contains("yosinski2014"), err.toString());
        assertFalse(Files.exists(dir.resolve("results")));
    }

    @Test
    void aMissingNameIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(new String[] {"reproduce"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertEquals(2, code);
        assertTrue(err.toString().contains("NAME"), err.toString());
    }
}
