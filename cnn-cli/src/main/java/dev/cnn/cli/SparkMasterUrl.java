package dev.cnn.cli;

import java.util.regex.Pattern;

/**
 * The forms of Spark master URL that {@code --spark} accepts, checked before Spark starts, so that a typo gets one
 * line naming the forms instead of Spark's stack trace.
 */
final class SparkMasterUrl {
    /** What the error message lists. */
    static final String FORMS = "local, local[N], local[*], local[N,F], local-cluster[W,C,M], spark://HOST:PORT"
            + " (several HOST:PORT separated by commas), yarn, k8s://https://HOST:PORT";

    private static final Pattern ACCEPTED = Pattern.compile(
            "local"
                    + "|local\\[(\\*|[1-9]\\d{0,4})]"
                    + "|local\\[(\\*|[1-9]\\d{0,4}),[1-9]\\d{0,4}]"
                    + "|local-cluster\\[[1-9]\\d{0,3},[1-9]\\d{0,3},[1-9]\\d{1,7}]"
                    + "|spark://[A-Za-z0-9.\\-]+:[1-9]\\d{0,4}(,[A-Za-z0-9.\\-]+:[1-9]\\d{0,4})*"
                    + "|yarn"
                    + "|k8s://(https?://)?[A-Za-z0-9.\\-]+(:[1-9]\\d{0,4})?");

    private SparkMasterUrl() {
    }

    /** Null when {@code master} is one of the accepted forms, else why not, in a line. */
    static String problem(String master) {
        if (master == null || master.isBlank()) {
            return "--spark needs a master URL; use one of: " + FORMS;
        }
        if (!ACCEPTED.matcher(master.trim()).matches()) {
            return "--spark " + master + " is not a Spark master URL this command accepts; use one of: " + FORMS;
        }
        return null;
    }
}
