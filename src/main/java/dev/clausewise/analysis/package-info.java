/**
 * Authoring analysis over the whole question space, every answer taken from the engine: lint with witness
 * questions, the exact semantic diff of two policies, and one question compared across policies.
 */
package dev.clausewise.analysis;
