package io.docmatrix.contracts.upload;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DocumentUploadedTest {

    private static final String SHA_256 = "17115edd1bd1ca18013a7534ed8fd57d10db1f2b165eb8744fb0092c5f9b2662";

    @Test
    void rejectsAVersionBelowOne() {
        int version = 0;

        assertThatIllegalArgumentException()
                .isThrownBy(() -> uploaded(version, SHA_256, new BlobReference("s3", "acme/msa.pdf")))
                .withMessage("version must be at least 1 but was 0");
    }

    @Test
    void rejectsADigestThatIsNotLowerCaseHexSha256() {
        String upperCase = SHA_256.toUpperCase();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> uploaded(1, upperCase, new BlobReference("s3", "acme/msa.pdf")))
                .withMessageContaining("sha256 must be 64 lower-case hex characters");
    }

    @Test
    void namesTheMissingComponent() {
        // As a JSON reader would pass it for an absent property.
        BlobReference absent = null;

        assertThatNullPointerException()
                .isThrownBy(() -> uploaded(1, SHA_256, absent))
                .withMessage("blob must not be null");
    }

    private static DocumentUploaded uploaded(int version, String sha256, BlobReference blob) {
        return new DocumentUploaded(
                UUID.fromString("0f4b7c1e-6a2d-4f83-9b15-d2e7a8c3f901"),
                Instant.parse("2026-03-01T10:15:30Z"),
                UUID.fromString("8b1e4c7a-2f3d-4e59-9a6b-0c7d1e2f3a4b"),
                UUID.fromString("3f6c2a8e-9d41-4b7a-b0e2-5c1d7f9a8b34"),
                version,
                "j.doe",
                "Globex MSA Amendment 2.pdf",
                "application/pdf",
                2_483_117L,
                sha256,
                blob,
                DocumentMetadata.none());
    }
}
