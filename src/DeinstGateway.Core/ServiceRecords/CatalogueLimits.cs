using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// Checks the catalogue's limits before <see cref="ProgrammeRules"/> relies on them: a cap without a
/// period or in another unit than its service could not be counted, so reference data holding one
/// must fail at start, not on the first record it should have refused.
/// </summary>
internal static class CatalogueLimits
{
    /// <summary>Why <paramref name="limit"/> cannot be applied to its service type, or null when it can.</summary>
    public static string? Problem(ServiceTypeDefinition definition, ServiceLimit limit)
    {
        if (string.IsNullOrWhiteSpace(limit.Code))
        {
            return "has no code";
        }

        if (!Enum.IsDefined(limit.Kind))
        {
            return "has an unknown kind";
        }

        if (limit.MinAgeYears < 0 || limit.MaxAgeYears < 0 || limit.MinAgeYears > limit.MaxAgeYears)
        {
            return "has an impossible age range";
        }

        if (limit.Kind == ServiceLimitKind.AgeEligibility && limit.MinAgeYears is null && limit.MaxAgeYears is null)
        {
            return "limits eligibility without an age bound";
        }

        if (limit.Kind != ServiceLimitKind.QuantityCap)
        {
            return null;
        }

        if (limit.Period is not { } period || !Enum.IsDefined(period))
        {
            return "caps a quantity without a known period";
        }

        if (limit.QuantityUnit != definition.Unit)
        {
            return "counts in another unit than its service type";
        }

        return limit.MaxQuantity < 0 ? "has a negative maximum quantity" : null;
    }
}
