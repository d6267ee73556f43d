package io.github.dl4jlr.tuning;

/** A member's training or scoring threw; the message names the member and the round. */
public final class MemberFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param member the member that failed
     * @param round  the round it failed in
     * @param cause  what it threw
     */
    public MemberFailedException(int member, int round, Throwable cause) {
        super("PBT member " + member + " failed in round " + (round + 1) + ": " + cause, cause);
    }

    /**
     * @param message what failed
     * @param cause   the error, or null
     */
    public MemberFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
