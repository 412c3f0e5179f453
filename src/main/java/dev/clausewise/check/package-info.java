/** Validation of a loaded policy: vocabulary keys, ids, overrides, cites proven against the document. */
package dev.clausewise.check;
