using System.Globalization;
using DeinstGateway.Core.Clients;
using Deinst.V1;
using GoogleDate = Google.Type.Date;

namespace DeinstGateway.Benchmarks.Transfers;

/// <summary>
/// Valid SubmitTransfers messages for the state social care centre "Zemgale" and its branches:
/// a distinct adult person (old-format personal code with a matching birth date) and a distinct
/// case number each, bound for municipalities that exist today, one place-based service each.
/// </summary>
public static class TransferRequestFactory
{
    /// <summary>The calling institution; every source below is it or one of its branches.</summary>
    public const string Caller = "vsac-zemgale";

    private static readonly string[] Sources =
        [Caller, "vsac-zemgale-jelgava", "vsac-zemgale-iecava", "vsac-zemgale-kisi", "vsac-zemgale-lielberze"];

    private static readonly string[] Destinations = ["mun-jelgava", "mun-bauska", "mun-madona"];

    private static readonly ServiceType[] PlaceBasedServices =
        [ServiceType.GroupHome, ServiceType.DayCareCentreAdults, ServiceType.SpecialisedWorkshop];

    private static readonly (string Given, string Family)[] Names =
    [
        ("Anna", "Bērziņa"), ("Jānis", "Kalniņš"), ("Līga", "Ozola"), ("Andris", "Liepiņš"),
        ("Ilze", "Krūmiņa"), ("Pēteris", "Jansons"), ("Ieva", "Zariņa"), ("Mārtiņš", "Vītols"),
    ];

    private static readonly DateOnly FirstBirthDate = new(1950, 1, 1);
    private static readonly DateOnly LastBirthDate = new(2000, 12, 31);

    /// <param name="today">Planned moves fall on the 364 days after it.</param>
    /// <param name="seed">Fixes the people; request ids are new UUIDs on every call.</param>
    public static SubmitTransferRequest[] Build(int count, DateOnly today, int seed)
    {
        var random = new Random(seed);
        var issued = new HashSet<string>(count, StringComparer.Ordinal);
        var requests = new SubmitTransferRequest[count];
        for (var i = 0; i < count; i++)
        {
            var (code, birthDate) = NewPerson(random, issued);
            var (given, family) = Names[i % Names.Length];
            var number = (i + 1).ToString("D7", CultureInfo.InvariantCulture);
            requests[i] = new SubmitTransferRequest
            {
                RequestId = Guid.NewGuid().ToString("D"),
                Transfer = new TransferSubmission
                {
                    CaseNumber = "ZMG-" + number,
                    Source = "institutions/" + Sources[i % Sources.Length],
                    Person = new Person
                    {
                        PersonalCode = code,
                        GivenName = given,
                        FamilyName = family,
                        BirthDate = Date(birthDate),
                    },
                    TargetGroup = Deinst.V1.TargetGroup.AdultWithIntellectualOrMentalDisability,
                    DestinationMunicipality = "institutions/" + Destinations[i % Destinations.Length],
                    RequestedServices = { PlaceBasedServices[i % PlaceBasedServices.Length] },
                    PlannedMoveDate = Date(today.AddDays(1 + (i % 364))),
                    SupportPlanReference = string.Create(CultureInfo.InvariantCulture, $"IAP-{today.Year}-{i + 1:D6}"),
                },
            };
        }

        return requests;
    }

    /// <summary>An old-format code <c>DDMMYY-CNNNK</c> not issued before, and the birth date it encodes.</summary>
    private static (string Code, DateOnly BirthDate) NewPerson(Random random, HashSet<string> issued)
    {
        var days = LastBirthDate.DayNumber - FirstBirthDate.DayNumber + 1;
        while (true)
        {
            var birthDate = FirstBirthDate.AddDays(random.Next(days));
            var century = birthDate.Year < 2000 ? '1' : '2';
            var body = string.Create(CultureInfo.InvariantCulture, $"{birthDate:ddMMyy}{century}{random.Next(1000):D3}");
            if (PersonalCode.CheckDigit(body) is not { } check)
            {
                continue; // No valid code exists for this body.
            }

            var code = string.Create(CultureInfo.InvariantCulture, $"{body[..6]}-{body[6..]}{check}");
            if (issued.Add(code))
            {
                return (code, birthDate);
            }
        }
    }

    private static GoogleDate Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
