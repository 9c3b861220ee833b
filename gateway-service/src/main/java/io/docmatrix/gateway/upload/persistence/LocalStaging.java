package io.docmatrix.gateway.upload.persistence;

import io.docmatrix.gateway.upload.BlobStore.StagedBlob;
import io.docmatrix.gateway.upload.BlobStore.TooLargeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Streams an upload to a local staging file while hashing and counting it, so the whole file is never held in memory
 * and its size, hash and real type are known before it is accepted. Every blob store stages here first.
 */
final class LocalStaging {

    private final Path directory;

    LocalStaging(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path directory() {
        return directory;
    }

    Mono<StagedBlob> stage(Flux<DataBuffer> content, long maxBytes) {
        return Mono.defer(() -> {
            Path file = newStagingFile();
            Sink sink = new Sink(file, maxBytes);
            return content.publishOn(Schedulers.boundedElastic())
                    .doOnNext(buffer -> {
                        try {
                            sink.write(buffer);
                        } finally {
                            DataBufferUtils.release(buffer);
                        }
                    })
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                    .then(Mono.fromCallable(sink::finish))
                    .doOnError(e -> sink.abort())
                    .doOnCancel(sink::abort);
        });
    }

    void discard(StagedBlob staged) {
        deleteQuietly(staged.file());
    }

    private Path newStagingFile() {
        try {
            Files.createDirectories(directory);
            return directory.resolve(UUID.randomUUID() + ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover staging file is harmless; it is never referenced.
        }
    }

    /** Writes, hashes and counts one upload; used from a single thread at a time (publishOn serialises). */
    private static final class Sink {
        private final Path file;
        private final long maxBytes;
        private final MessageDigest digest;
        private FileChannel channel;
        private long size;

        Sink(Path file, long maxBytes) {
            this.file = file;
            this.maxBytes = maxBytes;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void write(DataBuffer buffer) {
            size += buffer.readableByteCount();
            if (size > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            try {
                if (channel == null) {
                    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                }
                try (DataBuffer.ByteBufferIterator buffers = buffer.readableByteBuffers()) {
                    while (buffers.hasNext()) {
                        ByteBuffer bytes = buffers.next();
                        digest.update(bytes.duplicate());
                        while (bytes.hasRemaining()) {
                            channel.write(bytes);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        StagedBlob finish() throws IOException {
            if (channel == null) {
                Files.createFile(file);
            } else {
                channel.force(false);
                channel.close();
            }
            return new StagedBlob(file, size, HexFormat.of().formatHex(digest.digest()));
        }

        void abort() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // closing a file we are about to delete
            }
            deleteQuietly(file);
        }
    }
}
