package io.github.dl4jlr.demo.experiment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EngineTest {

    private static final long GIB = 1L << 30;

    @Test
    void defaultParallelismIsOnePerCoreAsFarAsMemoryAllows() {
        assertEquals(2, Engine.defaultParallelism(2, 6 * GIB, 6 * GIB));
        assertEquals(8, Engine.defaultParallelism(8, 16 * GIB, 16 * GIB));
        assertEquals(3, Engine.defaultParallelism(8, 16 * GIB, 3 * GIB + 1), "the off-heap limit decides");
        assertEquals(2, Engine.defaultParallelism(8, 2 * GIB, 16 * GIB), "the heap decides");
        assertEquals(1, Engine.defaultParallelism(4, GIB / 2, GIB / 2), "at least one");
    }
}
