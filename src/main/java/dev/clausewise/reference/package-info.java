/**
 * A second, plain-Java implementation of docs/semantics.md, written from the text and not from the rules, so that
 * a differential test can hold the Drools engine to the documented semantics on generated questions.
 */
package dev.clausewise.reference;
