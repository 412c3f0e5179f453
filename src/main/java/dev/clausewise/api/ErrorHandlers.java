package dev.clausewise.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refused requests become their JSON error body; anything unexpected is logged and answered without a stack trace. */
final class ErrorHandlers {
    private ErrorHandlers() {
    }

    @Singleton
    @Produces
    @Requires(classes = {RequestException.class, ExceptionHandler.class})
    static final class Refused implements ExceptionHandler<RequestException, HttpResponse<String>> {
        @Override
        public HttpResponse<String> handle(HttpRequest request, RequestException e) {
            HttpResponse<String> r = e.error().respond(HttpStatus.valueOf(e.status()));
            return e.retryAfterSeconds() > 0 ? ((io.micronaut.http.MutableHttpResponse<String>) r).header("Retry-After", String.valueOf(e.retryAfterSeconds())) : r;
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {Exception.class, ExceptionHandler.class})
    static final class Unexpected implements ExceptionHandler<Exception, HttpResponse<String>> {
        private static final Logger LOG = LoggerFactory.getLogger(Unexpected.class);

        @Override
        public HttpResponse<String> handle(HttpRequest request, Exception e) {
            LOG.error("internal error on {} {}", request.getMethod(), request.getPath(), e);
            return ApiError.of("request", "internal_error", "the request could not be answered; the server logged why", null)
                    .respond(HttpStatus.INTERNAL_SERVER_ERROR);
        }
    }
}
