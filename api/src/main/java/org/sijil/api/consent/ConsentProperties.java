package org.sijil.api.consent;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Consent settings ({@code sijil.consent.*}).
 *
 * @param ministries        the ministries a consent or legal basis may name (the {@code ministry}
 *                          claim of their client tokens)
 * @param collectionMethods how a consent or revocation may have been collected
 * @param jurisdiction      the jurisdiction written into every consent receipt
 * @param policyReference   the consent policy (legal text) every receipt refers to
 * @param historyLimit      the most entries one access-history or consent list returns
 */
@Validated
@ConfigurationProperties("sijil.consent")
public record ConsentProperties(
        @NotEmpty @DefaultValue({"health", "interior", "education", "planning", "finance"})
        List<@NotBlank String> ministries,
        @NotEmpty @DefaultValue({"online-portal", "service-centre"}) List<@NotBlank String> collectionMethods,
        @NotBlank @DefaultValue("IQ") String jurisdiction,
        @NotBlank @DefaultValue("https://sijil.example/policy/consent/v1") String policyReference,
        @Min(1) @Max(10000) @DefaultValue("500") int historyLimit) {

    public ConsentProperties {
        ministries = List.copyOf(ministries);
        collectionMethods = List.copyOf(collectionMethods);
    }

    public boolean knowsMinistry(String ministry) {
        return ministry != null && ministries.contains(ministry);
    }
}
