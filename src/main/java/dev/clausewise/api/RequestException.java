package dev.clausewise.api;

/** A request the API refuses: carries the error body and the status; never leaves the API package as a stack trace. */
final class RequestException extends RuntimeException {
    private final transient ApiError error;
    private final int status;
    /** Seconds for a Retry-After header (429, 503), or 0 for none. */
    private final int retryAfterSeconds;

    RequestException(int status, ApiError error) {
        this(status, error, 0);
    }

    RequestException(int status, ApiError error, int retryAfterSeconds) {
        super(error.message(), null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    ApiError error() {
        return error;
    }

    int status() {
        return status;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
