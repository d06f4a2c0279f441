package dev.meshlens.importers.kafka;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.importers.Cancellation;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for broker calls, each at most the timeout and never past a cancellation, and turns their failures into
 * one {@link InputException} naming the call: an unreachable cluster, a failed login, a missing ACL.
 */
final class KafkaCalls {
    /** Kafka's name for the one cluster resource of ACLs. */
    static final String CLUSTER_RESOURCE = "kafka-cluster";
    /** How often a wait looks at the cancellation flag. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * Our own wait outlasts the client's timeout a little, so the client's own timeout error (which says what it
     * was waiting for) usually arrives first; both read the same to the user.
     */
    private static final Duration GRACE = Duration.ofSeconds(1);

    /**
     * A broker call and what it needs.
     *
     * @param name      e.g. {@code Admin.describeAcls}, the source of the error
     * @param purpose   e.g. {@code to list ACLs (describeAcls)}, ends the message about a missing ACL
     * @param operation the ACL operation the call needs on the resource it touches, e.g. {@code DESCRIBE}
     */
    record Call(String name, String purpose, String operation) {
    }

    private final KafkaClientConfig client;
    private final Duration timeout;
    private final Cancellation cancellation;

    KafkaCalls(KafkaClientConfig client, Duration timeout, Cancellation cancellation) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * The value of {@code future}, waiting at most the timeout.
     *
     * @throws InputException        naming {@code call} when it fails or does not answer in time
     * @throws CancellationException when the import is cancelled meanwhile (the call is cancelled too)
     */
    <T> T await(KafkaFuture<T> future, Call call) {
        return await(future, call, null);
    }

    /**
     * Like {@link #await(KafkaFuture, Call)} for a call about one topic or group, named in a message about a
     * missing ACL when the broker's error does not name it.
     */
    <T> T await(KafkaFuture<T> future, Call call, String resource) {
        long deadline = System.nanoTime() + timeout.plus(GRACE).toNanos();
        while (true) {
            if (cancellation.isCancelled()) {
                future.cancel(true);
                cancellation.throwIfCancelled();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                future.cancel(true);
                throw noAnswer(call, null);
            }
            try {
                return future.get(Math.min(left, SLICE_NANOS), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // not yet: look at the flag and the deadline again
            } catch (ExecutionException e) {
                throw failure(call, e.getCause() == null ? e : e.getCause(), resource);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                throw new CancellationException("the import was interrupted");
            } catch (CancellationException e) {
                cancellation.throwIfCancelled();
                throw failure(call, e, resource);
            }
        }
    }

    /**
     * Like {@link #await(KafkaFuture, Call, String)}, but gives {@code null} when the call says the topic or
     * partition does not exist (it was deleted since it was listed).
     */
    <T> T awaitUnlessGone(KafkaFuture<T> future, Call call, String resource) {
        try {
            return await(future, call, resource);
        } catch (InputException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    /** One clear message for a failed call. */
    InputException failure(Call call, Throwable cause) {
        return failure(call, cause, null);
    }

    /**
     * One clear message for a failed call.
     *
     * @param resource the topic or group the call was about, or null
     */
    InputException failure(Call call, Throwable cause, String resource) {
        if (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof InputException input) {
            return input;
        }
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return noAnswer(call, cause);
        }
        if (cause instanceof AuthenticationException) {
            return new InputException(call.name(), 0, "authentication at " + client.bootstrapServers()
                    + " failed (" + cause.getMessage() + "); check the credentials in " + client.source(), cause);
        }
        if (cause instanceof ClusterAuthorizationException) {
            return missingAcl(call, "CLUSTER " + CLUSTER_RESOURCE, cause);
        }
        if (cause instanceof TopicAuthorizationException topics) {
            String names = topics.unauthorizedTopics() != null && !topics.unauthorizedTopics().isEmpty()
                    ? String.join(", ", new TreeSet<>(topics.unauthorizedTopics()))
                    : resource != null ? resource : "the topics it reads";
            return missingAcl(call, "TOPIC " + names, cause);
        }
        if (cause instanceof GroupAuthorizationException group) {
            String name = group.groupId() != null ? group.groupId() : resource != null ? resource : "of the call";
            return missingAcl(call, "GROUP " + name, cause);
        }
        String reason = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new InputException(call.name(), 0, "failed at " + client.bootstrapServers() + ": " + reason, cause);
    }

    private InputException missingAcl(Call call, String resource, Throwable cause) {
        String principal = client.principal().orElse("the principal of " + client.source());
        return new InputException(call.name(), 0, principal + " needs " + call.operation() + " on " + resource + " "
                + call.purpose(), cause);
    }

    private InputException noAnswer(Call call, Throwable cause) {
        return new InputException(call.name(), 0, "no answer from " + client.bootstrapServers() + " within "
                + seconds(timeout) + "; is the cluster reachable, and are bootstrap.servers and the security settings"
                + " in " + client.source() + " right?", cause);
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
