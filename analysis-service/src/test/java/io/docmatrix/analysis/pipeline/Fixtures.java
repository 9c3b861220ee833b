package io.docmatrix.analysis.pipeline;

import java.util.List;

/** Our own fixture documents, in plain standard wording (no text from any data set). One string per chunk. */
final class Fixtures {

    private Fixtures() {}

    static final List<String> SERVICES_AGREEMENT_V1 = List.of(
            "Master Services Agreement. This agreement is made on March 1, 2026 between Northwind Analytics LLC and"
                    + " Harbor Logistics Inc. The provider will supply the data processing services described in each"
                    + " statement of work.",
            "Term and Renewal. This Agreement begins on the effective date and continues for one (1) year. It shall"
                    + " automatically renew for successive two (2) year periods unless either party gives written"
                    + " notice of non-renewal at least fifteen (15) days before the end of the current term.",
            "Termination. Either party may terminate this Agreement for convenience upon thirty (30) days' prior"
                    + " written notice to the other party.",
            "Limitation of Liability. Each party's total liability under this Agreement shall not exceed the fees"
                    + " paid in the twelve (12) months preceding the claim.",
            "Assignment. Neither party may assign this Agreement without the prior written consent of the other"
                    + " party.",
            "Governing Law. This Agreement shall be governed by the laws of the State of Texas.",
            "Exclusivity. During the term, the customer shall use the provider as its exclusive supplier of data"
                    + " processing services.");

    /** Version 2: a higher cap, New York law, and no exclusivity. */
    static final List<String> SERVICES_AGREEMENT_V2 = List.of(
            SERVICES_AGREEMENT_V1.get(0),
            SERVICES_AGREEMENT_V1.get(1),
            SERVICES_AGREEMENT_V1.get(2),
            "Limitation of Liability. Each party's total liability under this Agreement shall not exceed two times"
                    + " the fees paid in the twelve (12) months preceding the claim.",
            SERVICES_AGREEMENT_V1.get(4),
            "Governing Law. This Agreement shall be governed by the laws of the State of New York.");

    static final List<String> FIELD_REPORT = List.of(
            "Tidal energy pilot. The coastal tidal energy pilot near Port Elspeth produced power for eleven months"
                    + " of the year. Engineers measured the turbine output every hour and compared it with the tide"
                    + " tables.",
            "Turbine performance. The two turbines reached their rated output during spring tides. Output fell"
                    + " during neap tides, as the engineers expected, and the turbine blades showed little wear.",
            "Marine life. Divers surveyed the seabed around the turbines each quarter. Seals and seabirds stayed"
                    + " in the area, and the survey found no harm to the fish that feed near the turbine site.",
            "Next steps. The regional council will decide in June whether to extend the tidal energy pilot with"
                    + " four more turbines, based on the output figures and the marine survey.");
}
