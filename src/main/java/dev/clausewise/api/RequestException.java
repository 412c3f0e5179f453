package dev.clausewise.api;

/** A request the API refuses: carries the error body and the status; never leaves the API package as a stack trace. */
final class RequestException extends RuntimeException {
    private final transient ApiError error;
    private final int status;

    RequestException(int status, ApiError error) {
        super(error.message(), null, false, false);
        this.status = status;
        this.error = error;
    }

    ApiError error() {
        return error;
    }

    int status() {
        return status;
    }
}
