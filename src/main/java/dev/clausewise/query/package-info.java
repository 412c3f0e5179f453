/** Questions: the query as asked, its normalization against the vocabulary, and the context that settles conditions. */
package dev.clausewise.query;
