package io.docmatrix.gateway.upload;

import io.docmatrix.contracts.document.DocumentDeleted;
import io.docmatrix.contracts.upload.BlobReference;
import io.docmatrix.contracts.upload.DocumentUploaded;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.messaging.ProcessedEvents;
import io.docmatrix.runtime.outbox.OutboxWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Decides what a fully received upload becomes and records it with its event in one transaction. Blocking (JDBC):
 * reactive callers run it on a bounded elastic scheduler.
 *
 * <p>Order matters: the blob is moved to its final key inside the transaction, before the outbox row commits, so the
 * upload event can never name a file that does not exist; a rollback removes the moved file again.
 */
@Service
public class UploadIntake {

    static final String LIFECYCLE_CONSUMER = "gateway-service.lifecycle";

    private final UploadRepository uploads;
    private final BlobStore blobs;
    private final OutboxWriter outbox;
    private final ProcessedEvents processed;
    private final UploadProperties properties;
    private final Clock clock;

    public UploadIntake(
            UploadRepository uploads,
            BlobStore blobs,
            OutboxWriter outbox,
            ProcessedEvents processed,
            UploadProperties properties,
            Clock clock) {
        this.uploads = uploads;
        this.blobs = blobs;
        this.outbox = outbox;
        this.processed = processed;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public UploadResult accept(
            CallerIdentity caller, UploadCommand command, DocumentType type, BlobStore.StagedBlob staged) {
        UUID tenant = caller.tenantId();
        String key = command.idempotencyKey();
        if (key != null) {
            uploads.lock(tenant, "idempotency:" + key);
            Optional<String> firstHash = uploads.idempotencyKeyHash(tenant, key);
            if (firstHash.isPresent()) {
                if (!firstHash.get().equals(staged.sha256())) {
                    throw new UploadRejected(
                            409,
                            "IDEMPOTENCY_KEY_REUSED",
                            "This Idempotency-Key was already used for a different file.");
                }
                return uploads.idempotentAnswer(tenant, key, staged.sha256()).orElseThrow();
            }
        }
        UploadResult result = decide(caller, command, type, staged);
        if (key != null) {
            uploads.rememberIdempotencyKey(tenant, key, staged.sha256(), result);
        }
        return result;
    }

    /**
     * Forgets a deleted document, once per event: its bytes uploaded again become a new document instead of a
     * duplicate of one that no longer exists.
     */
    @Transactional
    public void forget(DocumentDeleted deleted) {
        if (processed.markIfFirst(LIFECYCLE_CONSUMER, deleted.eventId())) {
            uploads.forget(deleted.tenantId(), deleted.documentId());
        }
    }

    private UploadResult decide(
            CallerIdentity caller, UploadCommand command, DocumentType type, BlobStore.StagedBlob staged) {
        UUID tenant = caller.tenantId();
        uploads.lock(tenant, "sha256:" + staged.sha256());
        if (properties.duplicatesFor(caller.tenant()) == UploadProperties.DuplicatePolicy.RETURN_EXISTING) {
            Optional<UploadResult> existing = uploads.findByHash(tenant, staged.sha256());
            if (existing.isPresent()) {
                return new UploadResult(
                        existing.get().documentId(),
                        existing.get().version(),
                        existing.get().contentType(),
                        true,
                        false);
            }
        }
        String externalId = command.metadata().externalId();
        uploads.lock(tenant, externalId != null ? "external:" + externalId : "filename:" + command.filename());
        UploadRepository.LatestVersion next = uploads.findLogicalDocument(tenant, externalId, command.filename())
                .map(latest -> new UploadRepository.LatestVersion(latest.documentId(), latest.version() + 1))
                .orElseGet(() -> new UploadRepository.LatestVersion(UUID.randomUUID(), 1));

        BlobReference blob = commitBlob(staged, tenant + "/" + next.documentId() + "/" + next.version());
        uploads.insert(new UploadRepository.NewUpload(
                next.documentId(),
                next.version(),
                tenant,
                staged.sha256(),
                staged.sizeBytes(),
                type.mediaType(),
                command.filename(),
                externalId,
                blob,
                caller.subject()));
        outbox.append(new DocumentUploaded(
                UUID.randomUUID(),
                clock.instant(),
                next.documentId(),
                tenant,
                next.version(),
                caller.subject(),
                command.filename(),
                type.mediaType(),
                staged.sizeBytes(),
                staged.sha256(),
                blob,
                command.metadata()));
        return new UploadResult(next.documentId(), next.version(), type.mediaType(), false, false);
    }

    private BlobReference commitBlob(BlobStore.StagedBlob staged, String key) {
        BlobReference blob;
        try {
            blob = blobs.commit(staged, key);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be stored", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    blobs.delete(blob);
                }
            }
        });
        return blob;
    }
}
