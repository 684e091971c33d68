namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// A rule the record breaks. <see cref="Code"/> is stable for callers to act on; for a limit of the
/// catalogue it is the limit's code from the reference data, otherwise one of
/// <see cref="ServiceRecordReasons"/>. The description is English and never contains personal data
/// or the person's recorded quantities, because it travels to the sender and into logs.
/// </summary>
public sealed record ServiceRecordViolation(string Code, string Description);

/// <summary>The codes of the rules that are not limits of the service catalogue or of a project.</summary>
public static class ServiceRecordReasons
{
    public const string PeriodEndBeforeStart = "PERIOD_END_BEFORE_START";
    public const string BirthDateAfterPeriodStart = "BIRTH_DATE_AFTER_PERIOD_START";
    public const string ServiceTypeUnknown = "SERVICE_TYPE_UNKNOWN";
    public const string UnitDoesNotMatchService = "UNIT_DOES_NOT_MATCH_SERVICE";
    public const string QuantityNotPositive = "QUANTITY_NOT_POSITIVE";
    public const string QuantityExceedsPeriodLength = "QUANTITY_EXCEEDS_PERIOD_LENGTH";
    public const string CostNegative = "COST_NEGATIVE";
    public const string CostAboveLimit = "COST_ABOVE_LIMIT";
    public const string FundingSourceUnknown = "FUNDING_SOURCE_UNKNOWN";
    public const string ProviderUnknown = "PROVIDER_UNKNOWN";
    public const string ProviderDoesNotOfferService = "PROVIDER_DOES_NOT_OFFER_SERVICE";
    public const string ProviderNotValidInPeriod = "PROVIDER_NOT_VALID_IN_PERIOD";
    public const string EsfProjectCodeMissing = "ESF_PROJECT_CODE_MISSING";
    public const string EsfProjectCodeNotExpected = "ESF_PROJECT_CODE_NOT_EXPECTED";
    public const string EsfProjectUnknown = "ESF_PROJECT_UNKNOWN";
    public const string EsfOutsideProjectPeriod = "ESF_OUTSIDE_PROJECT_PERIOD";
    public const string PeriodSpansCapBoundary = "PERIOD_SPANS_CAP_BOUNDARY";
    public const string ProjectUnknown = "PROJECT_UNKNOWN";
    public const string EsfProjectCodeDoesNotMatchProject = "ESF_PROJECT_CODE_DOES_NOT_MATCH_PROJECT";
    public const string FundingSourceNotInProject = "FUNDING_SOURCE_NOT_IN_PROJECT";
    public const string DeliveredOutsideProjectPartners = "DELIVERED_OUTSIDE_PROJECT_PARTNERS";
    public const string ServiceNotInProject = "SERVICE_NOT_IN_PROJECT";
    public const string RecipientKindUnknown = "RECIPIENT_KIND_UNKNOWN";
    public const string RecipientNotPermitted = "RECIPIENT_NOT_PERMITTED";
}
