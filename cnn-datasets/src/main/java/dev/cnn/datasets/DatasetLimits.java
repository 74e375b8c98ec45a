package dev.cnn.datasets;

/**
 * The bounds on the work a dataset's files may ask for, each checked before that work, so that a small hostile or
 * broken file is refused at once with one line naming it, instead of filling the memory or taking minutes:
 * <ul>
 * <li>an image declares at most {@linkplain #maxPixels() 50 million pixels} in its header (checked before decoding);
 * <li>a JPEG has at most {@value #MAX_JPEG_SCANS} scans, and its scans times its pixels are at most
 * {@value #JPEG_FULL_SCANS_OF_THE_LARGEST_IMAGE} times the pixel limit (counted from its bytes before decoding);
 * <li>a line of {@code tags.csv} has at most {@value #MAX_TAGS_LINE_CHARS} characters (checked as it is read).
 * </ul>
 * The sizes of IDX files, of archives being installed and of generated datasets are bounded where they are read:
 * {@link IdxReader}, {@link TarGzExtractor}, {@link ShapesSource}.
 */
public final class DatasetLimits {
    /** The system property that overrides the pixel limit. */
    public static final String MAX_PIXELS_PROPERTY = "cnn.image.maxPixels";
    /** The default pixel limit: 50 megapixels, a large photo; 200 MB decoded as 8-bit RGBA. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    /**
     * The most scans a JPEG may have: 1,000. A baseline JPEG has one scan per colour plane or one for all, a progressive
     * one about 10 (libjpeg writes 10, other encoders a few more); each scan is a pass of the decoder over the whole
     * image, so a few hundred bytes of repeated scans could otherwise keep it busy for minutes.
     */
    public static final int MAX_JPEG_SCANS = 1_000;
    /**
     * How many passes over an image of the largest size allowed a JPEG's scans may take: 20, twice what a progressive
     * photo takes. The decoder's work grows with scans times pixels, so a JPEG of {@code P} pixels may have at most
     * {@code 20 * maxPixels() / P} scans (20 at 50 megapixels, 238 at 2048x2048, the {@value #MAX_JPEG_SCANS} of
     * {@link #MAX_JPEG_SCANS} from a megapixel down).
     */
    public static final int JPEG_FULL_SCANS_OF_THE_LARGEST_IMAGE = 20;
    /**
     * The most characters of one line of {@code tags.csv}: 65,536. A line names one image and its tags, a few hundred
     * characters at most; a longer one is not a tags file (or is damaged), and reading a file of gigabytes without a
     * line break as one line would exhaust the memory.
     */
    public static final int MAX_TAGS_LINE_CHARS = 1 << 16;

    private DatasetLimits() {
    }

    /** The pixel limit in force: {@value #MAX_PIXELS_PROPERTY} when set to a positive number, else the default. */
    public static long maxPixels() {
        String value = System.getProperty(MAX_PIXELS_PROPERTY);
        if (value == null) {
            return DEFAULT_MAX_PIXELS;
        }
        try {
            long limit = Long.parseLong(value.strip());
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + MAX_PIXELS_PROPERTY + "=" + value + " is not a positive number of pixels");
    }

    /** The most scans a JPEG of {@code pixels} pixels may have under the limits in force: at least 1. */
    public static int maxJpegScans(long pixels) {
        long limit = maxPixels();
        long work = limit > Long.MAX_VALUE / JPEG_FULL_SCANS_OF_THE_LARGEST_IMAGE ? Long.MAX_VALUE
                : JPEG_FULL_SCANS_OF_THE_LARGEST_IMAGE * limit;
        long byWork = work / Math.max(1, pixels);
        return (int) Math.max(1, Math.min(MAX_JPEG_SCANS, byWork));
    }
}
