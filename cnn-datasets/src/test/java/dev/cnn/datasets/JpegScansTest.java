package dev.cnn.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpegScansTest {
    @TempDir
    Path dir;

    @Test
    void aBaselineJpegHasOneScanAProgressiveOneTenAndAPngNone() throws Exception {
        assertEquals(1, JpegScans.count(TestImages.rgb(dir.resolve("baseline.jpg"), 37, 23, 0x336699, "jpg")));
        assertEquals(10, JpegScans.count(TestImages.progressiveJpeg(dir.resolve("progressive.jpg"), 64, 0)));
        assertEquals(0, JpegScans.count(TestImages.rgb(dir.resolve("picture.png"), 8, 8, 0x336699, "png")));
        assertEquals(0, JpegScans.count(TestImages.corrupt(dir.resolve("cut.jpg"))));
    }

    @Test
    void twentyThousandRepeatedScansAreCountedInAFewMilliseconds() throws Exception {
        Path hostile = TestImages.progressiveJpeg(dir.resolve("hostile.jpg"), 2048, 20_000);
        int scans = assertTimeout(Duration.ofMillis(500), () -> JpegScans.count(hostile));
        assertEquals(20_010, scans);
    }
}
