package dev.cnn.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a standalone Spark master named by {@code --spark spark://HOST:PORT} (or several, separated by commas)
 * answers: a TCP connection to each address, each given a few seconds, before Spark starts. Spark itself retries an
 * unanswered master for a minute and then fails with pages of stack trace; this says in a line which address did not
 * answer and what to do. Other master URLs ({@code local[N]}, {@code yarn}, {@code k8s://}) are left to Spark.
 */
final class SparkMasterConnection {
    /** How long each address is given to accept a connection. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private SparkMasterConnection() {
    }

    /**
     * Null when {@code master} is not a {@code spark://} URL, or when one of its addresses accepts a connection within
     * {@code timeout}; else why not, in a line that says what to do.
     */
    static String problem(String master, Duration timeout) {
        String url = master.trim();
        if (!url.startsWith("spark://")) {
            return null;
        }
        List<String> failures = new ArrayList<>();
        for (String address : url.substring("spark://".length()).split(",")) {
            int colon = address.lastIndexOf(':');
            String host = address.substring(0, colon);
            int port = Integer.parseInt(address.substring(colon + 1));
            String failure = connect(host, port, timeout);
            if (failure == null) {
                return null;
            }
            failures.add(address + " (" + failure + ")");
        }
        return "--spark " + url + ": no Spark master answers at " + String.join(", ", failures) + "; start the master"
                + " (sbin/start-master.sh prints its spark:// URL) and give that URL, or train in this JVM with --spark"
                + " local[N]";
    }

    /** Null when {@code host:port} accepts a TCP connection within {@code timeout}, else what happened. */
    private static String connect(String host, int port, Duration timeout) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            return "the host name is not known";
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) timeout.toMillis());
            return null;
        } catch (SocketTimeoutException e) {
            return String.format(Locale.ROOT, "no answer within %d s", timeout.toSeconds());
        } catch (ConnectException e) {
            return "connection refused: nothing listens there";
        } catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
