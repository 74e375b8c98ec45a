package dev.cnn.api.backend;

/**
 * Whether a backend can run on this machine, with the reason when it cannot.
 *
 * @param available true when the backend can be created
 * @param reason    why it is unavailable; empty when available
 */
public record Availability(boolean available, String reason) {

    /** The backend can run. */
    public static Availability yes() {
        return new Availability(true, "");
    }

    /** The backend cannot run, for the given reason. */
    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
