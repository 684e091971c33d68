using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// The facts about one recorded service delivery that the programme's rules look at. The client
/// appears only through the birth date, because age is all the rules need to know about the person.
/// </summary>
/// <param name="Period">The days of delivery, both included.</param>
/// <param name="Quantity">How much was delivered, in <paramref name="Unit"/>, which must be the service's unit.</param>
/// <param name="EsfProjectCode">The ESF project's number (e.g. 9.2.2.1/15/I/001); only with <see cref="FundingSource.EsfProject"/>.</param>
/// <param name="ProjectCode">The code of the project the record names (<see cref="Project.Code"/>), or null when it names none.</param>
/// <param name="RecipientKind">Who received the service; the record counts under the client whoever it is.</param>
public sealed record ServiceRecordCandidate(
    DateOnly ClientBirthDate,
    ServiceType ServiceType,
    string ProviderCode,
    InclusivePeriod Period,
    long Quantity,
    ServiceUnit Unit,
    long CostCents,
    FundingSource FundingSource,
    string? EsfProjectCode,
    string? ProjectCode = null,
    RecipientKind RecipientKind = RecipientKind.Client);
