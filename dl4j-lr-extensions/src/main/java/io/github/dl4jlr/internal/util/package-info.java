/**
 * <b>Not API.</b> Argument checks, atomic file writes and loss bookkeeping shared by dl4j-lr's own packages. Anything
 * here may change or disappear in any release.
 */
package io.github.dl4jlr.internal.util;
