/** Source locations, diagnostics and "did you mean" hints: shared by every later step. */
package dev.clausewise.source;
