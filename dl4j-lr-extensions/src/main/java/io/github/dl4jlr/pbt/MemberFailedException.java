package io.github.dl4jlr.pbt;

/** A member's training or scoring threw; the message names the member and the round. */
public final class MemberFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MemberFailedException(int member, int round, Throwable cause) {
        super("PBT member " + member + " failed in round " + (round + 1) + ": " + cause, cause);
    }

    public MemberFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
