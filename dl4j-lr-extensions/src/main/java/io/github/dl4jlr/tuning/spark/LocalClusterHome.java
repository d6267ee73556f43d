package io.github.dl4jlr.tuning.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Spark-home-like folder for Spark's {@code local-cluster[n,cores,memoryMb]} master, which runs executors as separate
 * JVMs on this machine: the closest thing to a cluster that needs no installation, e.g. to test that tasks, arrays and
 * results really cross process boundaries. Built from this JVM's classpath: an empty {@code RELEASE} file and a
 * {@code jars/} folder with every jar of the classpath (symlinked) plus a jar of each class folder. The driver's
 * environment must hold {@code SPARK_HOME} (this folder) and {@code SPARK_SCALA_VERSION=2.13} when the context starts.
 */
public final class LocalClusterHome {

    private LocalClusterHome() {
    }

    /**
     * Builds (or rebuilds) the folder at {@code home} and returns it.
     *
     * @param home the folder to fill
     * @return {@code home}
     */
    public static Path build(Path home) {
        try {
            Path jars = home.resolve("jars");
            if (Files.exists(jars)) {
                try (Stream<Path> s = Files.list(jars)) {
                    for (Path p : s.toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(jars);
            Files.write(home.resolve("RELEASE"), new byte[0]);
            int n = 0;
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(entry).toAbsolutePath();
                if (Files.isDirectory(p)) {
                    jar(p, jars.resolve("classes-" + (n++) + ".jar"));
                } else if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                    Path link = jars.resolve((n++) + "-" + p.getFileName());
                    Files.createSymbolicLink(link, p);
                }
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not build a Spark home at " + home, e);
        }
    }

    private static void jar(Path dir, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
    }
}
