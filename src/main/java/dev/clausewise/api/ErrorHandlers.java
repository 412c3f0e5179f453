package dev.clausewise.api;

import dev.clausewise.wire.Problem;
import dev.clausewise.wire.ProblemException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refused requests become their problem body, under the status of the problem's code; anything unexpected is logged and answered without a stack trace. */
final class ErrorHandlers {
    static final MediaType PROBLEM_JSON = MediaType.of(Problem.MEDIA_TYPE);

    private ErrorHandlers() {
    }

    /** Seconds a client refused for load (429, or 503 of a spent budget) is told to wait before retrying. */
    static final int RETRY_AFTER_SECONDS = 2;

    static HttpResponse<Problem> respond(Problem p) {
        var r = HttpResponse.<Problem>status(HttpStatus.valueOf(p.status())).contentType(PROBLEM_JSON).body(p);
        return p.status() == 429 ? r.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)) : r;
    }

    @Singleton
    @Produces
    @Requires(classes = {ProblemException.class, ExceptionHandler.class})
    static final class Refused implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
            return respond(e.problem());
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {Exception.class, ExceptionHandler.class})
    static final class Unexpected implements ExceptionHandler<Exception, HttpResponse<Problem>> {
        private static final Logger LOG = LoggerFactory.getLogger(Unexpected.class);

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, Exception e) {
            // A body reader's refusal may reach here wrapped by the framework's decoding.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProblemException refused) {
                    return respond(refused.problem());
                }
            }
            if (clientGone(e)) {
                // Not the service's error: nobody is left to answer. One line at debug, no stack trace.
                LOG.debug("{} {}: the client closed the connection before the exchange was complete", request.getMethod(), request.getPath());
                return respond(Problem.of("request", "client_gone", "the client closed the connection", null));
            }
            LOG.error("internal error on {} {}", request.getMethod(), request.getPath(), e);
            return respond(Problem.of("request", "internal_error", "the request could not be answered; the server logged why", null));
        }

        /** A body cut by a client that went away (Netty's EOF when the connection closes mid-body, or a closed channel). */
        private static boolean clientGone(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.io.EOFException || t instanceof java.nio.channels.ClosedChannelException) {
                    return true;
                }
            }
            return false;
        }
    }
}
