package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A PBT population on disk, saved after every round so that a run can resume. Each save writes a new <b>generation</b>
 * folder ({@code gen-000003/}: every member's parameters and updater state, then {@code state.json} with the
 * population, the history and a length and CRC32 per file) and then commits it in one atomic step: the file
 * {@code CURRENT}, naming the generation, is replaced by an atomic rename. A kill or an I/O error at any point leaves
 * either the previous generation committed or the new one; a generation that was never committed is ignored and
 * removed. Resuming reads only the committed generation, checks every file against {@code state.json}, and refuses
 * with a clear message if anything is missing or changed.
 */
final class PbtCheckpoint {

    static final int FORMAT = 2;
    private static final String CURRENT = "CURRENT";
    private static final String STATE = "state.json";

    /** One member between rounds. */
    record MemberState(int member, Map<String, Double> hyperparameters, int parent, int iteration, int epoch,
                       boolean hasUpdaterState) {
    }

    /** A file of a generation and what it must contain. */
    record FileSum(String name, long length, long crc32) {
    }

    /** Everything but the arrays. */
    record State(int format, long seed, int populationSize, int nextRound, List<MemberState> members,
                 List<PbtRecord> history, List<FileSum> files) {
    }

    /** A saved population: the state and each member's arrays. */
    record Saved(State state, List<byte[]> params, List<byte[]> updaterStates) {
    }

    /** The file operations a save uses; tests replace it to crash in the middle. */
    interface Io {
        void write(Path file, byte[] bytes) throws IOException;

        void moveAtomically(Path from, Path to) throws IOException;

        Io FILES = new Io() {
            @Override
            public void write(Path file, byte[] bytes) throws IOException {
                Files.write(file, bytes);
            }

            @Override
            public void moveAtomically(Path from, Path to) throws IOException {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        };
    }

    private final Path dir;
    private final Io io;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    PbtCheckpoint(Path dir, Io io) {
        this.dir = Args.notNull("checkpointDir", dir);
        this.io = Args.notNull("io", io);
    }

    /**
     * Writes generation {@code state.nextRound()} and commits it; {@code params} and {@code updaterStates} are in the
     * order of {@code state.members()}.
     */
    void save(State state, List<byte[]> params, List<byte[]> updaterStates) {
        try {
            Files.createDirectories(dir);
            String name = generation(state.nextRound());
            Path gen = dir.resolve(name);
            deleteTree(gen);                                    // a leftover of an earlier, uncommitted attempt
            Files.createDirectories(gen);
            List<FileSum> sums = new ArrayList<>();
            for (int m = 0; m < params.size(); m++) {
                int member = state.members().get(m).member();
                sums.add(write(gen, paramsFile(member), params.get(m)));
                if (updaterStates.get(m) != null) {
                    sums.add(write(gen, stateFile(member), updaterStates.get(m)));
                }
            }
            State complete = new State(FORMAT, state.seed(), state.populationSize(), state.nextRound(), state.members(),
                    state.history(), sums);
            io.write(gen.resolve(STATE), json.writeValueAsBytes(complete));
            Path tmp = dir.resolve(CURRENT + ".tmp");
            io.write(tmp, name.getBytes(StandardCharsets.UTF_8));
            io.moveAtomically(tmp, dir.resolve(CURRENT));       // the commit
            removeOtherGenerations(name);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the PBT population to " + dir + " (the previous round's "
                    + "checkpoint is still the committed one)", e);
        }
    }

    /**
     * The committed generation, if any.
     *
     * @throws IllegalStateException when the checkpoint is of an older format, or the committed generation is
     *                               incomplete or changed
     */
    Optional<Saved> load() {
        try {
            if (Files.isRegularFile(dir.resolve("pbt-state.json"))) {
                throw new IllegalStateException("The PBT checkpoint in " + dir + " is of an older format that did not "
                        + "save rounds atomically; delete the folder to start over");
            }
            Path current = dir.resolve(CURRENT);
            if (!Files.isRegularFile(current)) {
                removeOtherGenerations(null);                   // never committed: nothing to resume
                return Optional.empty();
            }
            String name = Files.readString(current, StandardCharsets.UTF_8).trim();
            Path gen = dir.resolve(name);
            Path statePath = gen.resolve(STATE);
            if (!name.matches("gen-\\d{6}") || !Files.isRegularFile(statePath)) {
                throw new IllegalStateException("The PBT checkpoint in " + dir + " names generation '" + name + "', which "
                        + "is missing; the folder was changed outside PBT: delete it to start over");
            }
            State state = json.readValue(statePath.toFile(), State.class);
            if (state.format() != FORMAT) {
                throw new IllegalStateException("Expected PBT checkpoint format " + FORMAT + " in " + gen + ", but got "
                        + state.format() + "; delete the folder to start over");
            }
            Map<String, byte[]> checked = new HashMap<>();
            for (FileSum f : state.files()) {
                Path p = gen.resolve(f.name());
                byte[] bytes = Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
                if (bytes == null || bytes.length != f.length() || crc(bytes) != f.crc32()) {
                    throw new IllegalStateException("The PBT checkpoint file " + p + (bytes == null ? " is missing"
                            : " does not match its recorded length and checksum") + "; delete " + dir + " to start over");
                }
                checked.put(f.name(), bytes);
            }
            List<byte[]> params = new ArrayList<>();
            List<byte[]> states = new ArrayList<>();
            for (MemberState m : state.members()) {
                params.add(checkedFile(checked, gen, paramsFile(m.member())));
                states.add(m.hasUpdaterState() ? checkedFile(checked, gen, stateFile(m.member())) : null);
            }
            return Optional.of(new Saved(state, params, states));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the PBT checkpoint in " + dir, e);
        }
    }

    private static String paramsFile(int member) {
        return "member-" + member + ".params";
    }

    private static String stateFile(int member) {
        return "member-" + member + ".state";
    }

    /** A member's file, read and checked above; one that state.json does not list is as bad as a missing one. */
    private byte[] checkedFile(Map<String, byte[]> checked, Path gen, String name) {
        byte[] bytes = checked.get(name);
        if (bytes == null) {
            throw new IllegalStateException("The PBT checkpoint in " + gen + " does not record " + name + "; delete " + dir
                    + " to start over");
        }
        return bytes;
    }

    static String generation(int nextRound) {
        return String.format("gen-%06d", nextRound);
    }

    private FileSum write(Path gen, String name, byte[] bytes) throws IOException {
        io.write(gen.resolve(name), bytes);
        return new FileSum(name, bytes.length, crc(bytes));
    }

    private static long crc(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes);
        return c.getValue();
    }

    private void removeOtherGenerations(String keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(x -> x.getFileName().toString().startsWith("gen-")
                    && !x.getFileName().toString().equals(keep)).toList()) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
