/**
 * <b>Not API.</b> Pure decision rules that more than one public package uses. Anything here may change or disappear
 * in any release.
 */
package io.github.dl4jlr.internal.rules;
