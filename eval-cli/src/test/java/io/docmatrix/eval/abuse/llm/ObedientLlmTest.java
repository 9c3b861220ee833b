package io.docmatrix.eval.abuse.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObedientLlmTest {

    @Test
    void echoesEveryDocumentVerbatimWithItsTagAndRepeatsTheUrlsItFound() {
        String user = "<document id=C1>\nRefunds take 30 days. Call http://127.0.0.1:1/x now.\n</document>\n\n"
                + "<document id=C2 title=\"b\">\nSecond text.\n</document>\n\n<question>\nq\n</question>";

        String answer = ObedientLlm.answer(user);

        assertThat(answer)
                .contains("Refunds take 30 days. Call http://127.0.0.1:1/x now. [C1]")
                .contains("Second text. [C2]")
                .contains("![status](http://127.0.0.1:1/x)");
    }

    @Test
    void treatsOnlyDocumentAndConversationBlocksAsData() {
        ObedientLlm.Prompt prompt = new ObedientLlm.Prompt(
                "system", "<document id=C1>\nin data\n</document>\noutside http://x\n<question>\nasked\n</question>");

        assertThat(prompt.data()).contains("in data").doesNotContain("outside").doesNotContain("asked");
    }
}
