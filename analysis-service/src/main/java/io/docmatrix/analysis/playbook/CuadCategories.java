package io.docmatrix.analysis.playbook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 41 clause categories of CUAD (Contract Understanding Atticus Dataset), the only categories a playbook names. */
public final class CuadCategories {

    public static final List<String> ALL = List.of(
            "Document Name",
            "Parties",
            "Agreement Date",
            "Effective Date",
            "Expiration Date",
            "Renewal Term",
            "Notice Period to Terminate Renewal",
            "Governing Law",
            "Most Favored Nation",
            "Non-Compete",
            "Exclusivity",
            "No-Solicit of Customers",
            "Competitive Restriction Exception",
            "No-Solicit of Employees",
            "Non-Disparagement",
            "Termination for Convenience",
            "Rofr/Rofo/Rofn",
            "Change of Control",
            "Anti-Assignment",
            "Revenue/Profit Sharing",
            "Price Restrictions",
            "Minimum Commitment",
            "Volume Restriction",
            "IP Ownership Assignment",
            "Joint IP Ownership",
            "License Grant",
            "Non-Transferable License",
            "Affiliate License-Licensor",
            "Affiliate License-Licensee",
            "Unlimited/All-You-Can-Eat-License",
            "Irrevocable or Perpetual License",
            "Source Code Escrow",
            "Post-Termination Services",
            "Audit Rights",
            "Uncapped Liability",
            "Cap on Liability",
            "Liquidated Damages",
            "Warranty Duration",
            "Insurance",
            "Covenant Not to Sue",
            "Third Party Beneficiary");

    private static final Map<String, String> BY_KEY =
            ALL.stream().collect(Collectors.toMap(Playbook::key, Function.identity()));

    private CuadCategories() {}

    /** The canonical spelling of a category given in any capitalisation, or empty if it is not a CUAD category. */
    public static Optional<String> canonical(String category) {
        return Optional.ofNullable(BY_KEY.get(Playbook.key(category)));
    }
}
