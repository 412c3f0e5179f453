/**
 * The wire model: the request and response bodies of the REST API and of the CLI's JSON, as records, and one
 * descriptor per question field from which the JSON reader, the query parameters, the CLI options and the docs
 * table are derived. Below both {@code api} and {@code cli}; above the pipeline it carries questions into.
 */
package dev.clausewise.wire;
