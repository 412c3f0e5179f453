/** The served policies: the pipeline per policy folder, atomic swaps with last-good, and answering questions. */
package dev.clausewise.catalog;
