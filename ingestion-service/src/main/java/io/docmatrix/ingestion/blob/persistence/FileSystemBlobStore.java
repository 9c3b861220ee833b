package io.docmatrix.ingestion.blob.persistence;

import io.docmatrix.blob.BlobKeys;
import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.ingestion.blob.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Blobs as files below one root directory, where the gateway's file-system store writes them. */
public final class FileSystemBlobStore implements BlobStore {

    private final Path root;

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public byte[] read(BlobReference blob) throws BlobUnavailableException {
        Path file = resolve(blob);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BlobUnavailableException("blob " + blob.key() + " does not exist", false, e);
        } catch (IOException e) {
            throw new BlobUnavailableException("blob " + blob.key() + " could not be read", true, e);
        }
    }

    @Override
    public void delete(BlobReference blob) {
        try {
            Files.deleteIfExists(resolveUnchecked(blob));
        } catch (IOException | IllegalArgumentException e) {
            // The document is gone either way; an orphaned file is harmless and a sweep can remove it later.
        }
    }

    private Path resolve(BlobReference blob) throws BlobUnavailableException {
        try {
            return resolveUnchecked(blob);
        } catch (IllegalArgumentException e) {
            throw new BlobUnavailableException(e.getMessage(), false, e);
        }
    }

    // Keys come from events; a key such as "../../etc/passwd" or an absolute path must never escape the root.
    private Path resolveUnchecked(BlobReference blob) {
        if (!BlobReference.FILESYSTEM.equals(blob.store())) {
            throw new IllegalArgumentException("blob store " + blob.store() + " is not configured here");
        }
        return BlobKeys.resolveUnder(root, blob.key());
    }
}
