package io.github.dl4jlr.demo.console;

/**
 * Which run the current thread works for, e.g. {@code "adam seed 0"}. Threads a run starts (PBT's member trainer)
 * inherit it, so their lines go to the right run's log and carry the right label on the console when runs train in
 * parallel.
 */
public final class RunContext {

    private static final InheritableThreadLocal<String> CURRENT = new InheritableThreadLocal<>();

    private RunContext() {
    }

    /** Marks this thread (and the threads it starts from now on) as working for {@code run}. */
    public static void enter(String run) {
        CURRENT.set(run);
    }

    /** Ends this thread's run. */
    public static void leave() {
        CURRENT.remove();
    }

    /** The current thread's run, or {@code null} outside one. */
    public static String current() {
        return CURRENT.get();
    }
}
