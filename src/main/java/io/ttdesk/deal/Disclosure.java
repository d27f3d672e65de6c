package io.ttdesk.deal;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An invention disclosure: what starts a deal. */
public record Disclosure(
    @NotBlank @Size(max = 300) String title,
    @JsonProperty("abstract") @NotBlank @Size(max = 10000) String abstractText,
    @NotBlank String centre,
    @NotBlank @Size(max = 200) String ownerInstitution,
    @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") String ownerCountry,
    @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") String targetCountry,
    @NotNull @Min(1) @Max(9) Integer technologyReadinessLevel,
    @Size(max = 100) String technologyField,
    @Valid Licensee licensee,
    @NotEmpty @Size(max = 50) List<@Valid @NotNull InventorShare> inventors,
    @Size(max = 50) List<@Valid @NotNull Prior> priorDisclosures,
    LocalDate priorityDate,
    @NotNull @Valid RevenueProjection valuation,
    @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal patentCosts,
    @Size(max = 10) List<@Valid @NotNull CoOwnerShare> coOwners,
    @Size(max = 10) List<@Valid @NotNull SponsorRights> sponsors,
    @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") String> filingCountries) {

  public record CoOwnerShare(@NotBlank @Size(max = 200) String name,
      @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") String country,
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "100", inclusive = false) BigDecimal share) {}

  public record SponsorRights(@NotBlank @Size(max = 200) String name, @NotNull Sponsor.Rights rights) {}

  public record Licensee(@NotBlank @Size(max = 200) String name,
      @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") String country) {}

  public record InventorShare(@NotBlank @Size(max = 200) String name, @Email @Size(max = 200) String email,
      @Size(max = 200) String department,
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal share,
      Boolean employedByOwner) {}

  public record Prior(@NotNull @PastOrPresent LocalDate date, @NotBlank @Size(max = 64) String kind,
      @Size(max = 500) String description) {}

  /** Inputs of the relief-from-royalty valuation; rates in percent. */
  public record RevenueProjection(
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
      @NotEmpty @Size(max = 30) List<@NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal> projectedRevenue,
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal royaltyRate,
      @NotNull @DecimalMin("0") @DecimalMax(value = "100", inclusive = false) BigDecimal taxRate,
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal discountRate) {}
}
