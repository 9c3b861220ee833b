package io.docmatrix.ingestion.blob.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.ingestion.blob.BlobStore.BlobUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void readsAFileBelowTheRoot() throws Exception {
        Files.createDirectories(root.resolve("tenant/ab"));
        Files.writeString(root.resolve("tenant/ab/file"), "hello");

        byte[] content =
                new FileSystemBlobStore(root).read(new BlobReference(BlobReference.FILESYSTEM, "tenant/ab/file"));

        assertThat(content).asString().isEqualTo("hello");
    }

    @Test
    void refusesKeysThatLeaveTheRoot() throws Exception {
        Path outside = Files.writeString(root.resolveSibling(root.getFileName() + "-secret"), "secret");
        FileSystemBlobStore store = new FileSystemBlobStore(root);

        assertThatThrownBy(() -> store.read(new BlobReference(BlobReference.FILESYSTEM, "../" + outside.getFileName())))
                .isInstanceOf(BlobUnavailableException.class)
                .satisfies(e -> assertThat(((BlobUnavailableException) e).transientFailure())
                        .isFalse());
        assertThatThrownBy(() -> store.read(new BlobReference(BlobReference.FILESYSTEM, outside.toString())))
                .isInstanceOf(BlobUnavailableException.class);
    }

    @Test
    void reportsAMissingBlobAsPermanent() {
        FileSystemBlobStore store = new FileSystemBlobStore(root);

        assertThatThrownBy(() -> store.read(new BlobReference(BlobReference.FILESYSTEM, "nope")))
                .isInstanceOf(BlobUnavailableException.class)
                .satisfies(e -> assertThat(((BlobUnavailableException) e).transientFailure())
                        .isFalse());
    }

    @Test
    void deletingTwiceIsHarmless() throws Exception {
        Files.writeString(root.resolve("file"), "x");
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        BlobReference blob = new BlobReference(BlobReference.FILESYSTEM, "file");

        store.delete(blob);
        store.delete(blob);

        assertThat(root.resolve("file")).doesNotExist();
    }
}
