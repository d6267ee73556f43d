package io.github.dl4jlr.demo;

import io.github.dl4jlr.demo.data.Breeds;
import io.github.dl4jlr.demo.data.DatasetScanner;
import io.github.dl4jlr.demo.data.ImageDataset;
import io.github.dl4jlr.demo.data.SyntheticDogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticDogsTest {

    @Test
    void generatesTheStanfordLayoutWithTheRealBreedNamesDeterministically(@TempDir Path a, @TempDir Path b) throws Exception {
        Path first = SyntheticDogs.ensure(a, 3, 7);
        Path second = SyntheticDogs.ensure(b, 3, 7);
        ImageDataset ds = DatasetScanner.scan(first);
        assertEquals(120, ds.labels().size());
        assertEquals(Breeds.folders(), ds.labels());
        assertEquals("n02085620-Chihuahua", ds.labels().get(0));
        assertEquals(360, ds.images().size());
        Path img = first.resolve("Images/n02110958-pug/n02110958_2.jpg");
        assertTrue(Files.isRegularFile(img));
        assertArrayEquals(Files.readAllBytes(img), Files.readAllBytes(second.resolve("Images/n02110958-pug/n02110958_2.jpg")),
                "same seed, same bytes");
        assertEquals(first, SyntheticDogs.ensure(a, 3, 7), "a complete cache is reused");
    }
}
