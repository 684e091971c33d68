using System.Collections.Concurrent;
using System.Globalization;
using DeinstGateway.Core.Clients;
using Deinst.V1;
using GoogleDate = Google.Type.Date;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>Valid transfer submissions with synthetic people: every call makes a new person and case.</summary>
public static class TransferRequests
{
    private static readonly ConcurrentDictionary<string, byte> IssuedCodes = new();
    private static int _cases;

    /// <summary>A new, valid, old-format personal code for someone born on a random day of 1950–1999.</summary>
    public static (string Code, DateOnly BirthDate) NewPerson()
    {
        while (true)
        {
            var birth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 18_250));
            var body = birth.ToString("ddMMyy", CultureInfo.InvariantCulture) + "1" + Random.Shared.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
            if (PersonalCode.CheckDigit(body) is { } check)
            {
                var code = body[..6] + "-" + body[6..] + check.ToString(CultureInfo.InvariantCulture);
                if (IssuedCodes.TryAdd(code, 0))
                {
                    return (code, birth);
                }
            }
        }
    }

    public static SubmitTransferRequest Valid(
        string source = "vsac-zemgale-jelgava",
        string destination = "mun-jelgava",
        string? provider = null,
        ServiceType service = ServiceType.DayCareCentreAdults)
    {
        var (code, birth) = NewPerson();
        var caseNumber = "ZEM-" + Interlocked.Increment(ref _cases).ToString("000000", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        return new SubmitTransferRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Transfer = new TransferSubmission
            {
                CaseNumber = caseNumber,
                Source = "institutions/" + source,
                Person = new Person
                {
                    PersonalCode = code,
                    GivenName = "Anna",
                    FamilyName = "Bērziņa",
                    BirthDate = Date(birth),
                },
                TargetGroup = Deinst.V1.TargetGroup.AdultWithIntellectualOrMentalDisability,
                DestinationMunicipality = "institutions/" + destination,
                RequestedServices = { service },
                DestinationProvider = provider is null ? string.Empty : "institutions/" + provider,
                PlannedMoveDate = Date(TestCalendar.Today.AddDays(30)),
                SupportPlanReference = "IAP-" + caseNumber,
            },
        };
    }

    public static GoogleDate Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
