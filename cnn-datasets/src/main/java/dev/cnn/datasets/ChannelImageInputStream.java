package dev.cnn.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image input stream over a file opened by its {@link Path}, read through a buffer. {@code javax.imageio}'s own
 * file streams open a {@link java.io.File}, which is named by text, so a file whose name is not valid in the locale's
 * encoding is not found there; a {@code Path} listed from a directory holds the name's bytes and opens it.
 */
final class ChannelImageInputStream extends ImageInputStreamImpl {
    private static final int BUFFER = 8192;

    private final SeekableByteChannel channel;
    private final byte[] buffer = new byte[BUFFER];
    private long bufferStart;
    private int bufferLength;

    ChannelImageInputStream(Path file) throws IOException {
        this.channel = Files.newByteChannel(file);
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (!buffered() && fill() <= 0) {
            return -1;
        }
        return buffer[(int) (streamPos++ - bufferStart)] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (!buffered()) {
            if (len >= BUFFER) {
                channel.position(streamPos);
                int n = channel.read(ByteBuffer.wrap(b, off, len));
                streamPos += Math.max(0, n);
                return n;
            }
            if (fill() <= 0) {
                return -1;
            }
        }
        int at = (int) (streamPos - bufferStart);
        int n = Math.min(len, bufferLength - at);
        System.arraycopy(buffer, at, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1L;
        }
    }

    @Override
    public void close() throws IOException {
        super.close();
        channel.close();
    }

    private boolean buffered() {
        return streamPos >= bufferStart && streamPos < bufferStart + bufferLength;
    }

    private int fill() throws IOException {
        channel.position(streamPos);
        bufferStart = streamPos;
        bufferLength = 0;
        int n = channel.read(ByteBuffer.wrap(buffer));
        bufferLength = Math.max(0, n);
        return n;
    }
}
