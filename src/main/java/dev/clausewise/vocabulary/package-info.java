/** The vocabulary: key trees per dimension, aliases and the region tree, loaded from policies-yaml/vocabulary.yaml. */
package dev.clausewise.vocabulary;
