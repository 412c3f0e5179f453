package dev.clausewise.query;

/** What is wrong with one field of a query, with a hint ("did you mean ..."). */
public record QueryError(String field, String code, String message, String help) {
}
