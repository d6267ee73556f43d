/**
 * <b>Not API.</b> The charts behind {@code savePlot} methods (optional XChart dependency). Anything here may change or
 * disappear in any release.
 */
package io.github.dl4jlr.internal.plot;
