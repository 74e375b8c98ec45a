package dev.cnn.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {
    @TempDir
    Path dir;

    /** A PNG of a few dozen bytes whose header declares {@code width x height} pixels of RGB and holds no pixel data. */
    static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    @Test
    void aTinyFileDeclaringGigapixelsIsRefusedFromItsHeader() throws Exception {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeaderOnly(40_000, 40_000));
        assertTrue(Files.size(bomb) < 80, "a few dozen bytes");
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        IOException e = assertTimeout(Duration.ofSeconds(5), () -> assertThrows(IOException.class, () -> ImageDecoder.decode(bomb)));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 32L << 20, "allocated " + (allocated >> 20) + " MB");
        assertEquals(bomb + ": the image is 40000x40000 = 1600000000 pixels, more than the 50000000 allowed; shrink it"
                + " first, or raise the limit with -Dcnn.image.maxPixels=N", e.getMessage());
    }

    @Test
    void theHeaderAndTheConverterRefuseItTooBeforeReadingFurther() throws Exception {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeaderOnly(40_000, 40_000));
        String expected = bomb + ": the image is 40000x40000 = 1600000000 pixels, more than the 50000000 allowed";
        IOException header = assertThrows(IOException.class, () -> ImageHeader.read(bomb));
        assertTrue(header.getMessage().startsWith(expected), header.getMessage());
        IOException sample = assertThrows(IOException.class,
                () -> ImageConverter.read(bomb, dev.cnn.api.tensor.Shape.of(1, 8, 8)));
        assertTrue(sample.getMessage().startsWith(expected), sample.getMessage());
    }

    @Test
    void theLimitCanBeSetPerCallAndImagesUnderItDecode() throws Exception {
        Path png = dir.resolve("small.png");
        ImageIO.write(new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        assertEquals(30, ImageDecoder.decode(png).getWidth());
        IOException e = assertThrows(IOException.class, () -> ImageDecoder.decode(png, 599));
        assertTrue(e.getMessage().contains("600 pixels, more than the 599 allowed"), e.getMessage());
    }

    @Test
    void notAnImageAndNotAFileAreNamed() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "hello");
        IOException e = assertThrows(IOException.class, () -> ImageDecoder.decode(text));
        assertTrue(e.getMessage().startsWith(text + ": not an image format"), e.getMessage());
        IOException d = assertThrows(IOException.class, () -> ImageDecoder.decode(dir));
        assertTrue(d.getMessage().contains("is not a regular file"), d.getMessage());
    }

    @Test
    void aJpegOfTwentyThousandScansIsRefusedFromItsBytesBeforeDecoding() throws Exception {
        Path hostile = TestImages.progressiveJpeg(dir.resolve("scans.jpg"), 2048, 20_000);
        assertTrue(Files.size(hostile) < 400_000, "a few hundred KB: " + Files.size(hostile));
        long started = System.nanoTime();
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThrows(IOException.class,
                () -> ImageDecoder.decode(hostile)));
        System.out.printf("refused a JPEG of 20010 scans in %.0f ms%n", (System.nanoTime() - started) / 1e6);
        assertEquals(hostile + ": the JPEG has 20010 scans, more than the 1000 a JPEG may have; a photo has about 10, so"
                + " it is damaged or made to stall the decoder: re-encode it (as a PNG, or a baseline JPEG) or leave it"
                + " out", e.getMessage());
    }

    @Test
    void aLargeJpegMayHaveFewerScansThanASmallOne() throws Exception {
        Path large = TestImages.progressiveJpeg(dir.resolve("large.jpg"), 2048, 300);
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThrows(IOException.class,
                () -> ImageDecoder.decode(large)));
        assertTrue(e.getMessage().startsWith(large + ": the JPEG has 310 scans, more than the 238 allowed at 2048x2048"
                + " pixels (as much decoding as 20 scans of a 50000000-pixel image); "), e.getMessage());
        Path small = TestImages.progressiveJpeg(dir.resolve("small.jpg"), 64, 300);
        assertEquals(64, ImageDecoder.decode(small).getWidth(), "310 scans of 64x64 pixels decode at once");
        assertEquals(2048, ImageDecoder.decode(TestImages.progressiveJpeg(dir.resolve("photo.jpg"), 2048, 0))
                .getWidth(), "a progressive JPEG as encoders write it decodes");
    }
}
