using System.Globalization;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.Tests.Transfers;

/// <summary>
/// A small registry, a fixed today and a valid submission from VSAC "Zemgale" for the validator's
/// tests, which vary one field of it at a time.
/// </summary>
internal static class SubmissionSamples
{
    public const string OldFormatCode = "150385-12346";
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly Caller Zemgale = TransferSamples.Caller("vsac-zemgale", InstitutionKind.StateCareCentre);
    public static readonly RegistrySnapshot Snapshot = BuildRegistry();

    public static SubmissionCheck Validate(SubmissionInput input) =>
        SubmissionValidator.Validate(input, Zemgale, Snapshot, Today);

    public static ValidSubmission Resolved(SubmissionInput input)
    {
        var check = Validate(input);
        Assert.Empty(check.Violations);
        return Assert.IsType<ValidSubmission>(check.Valid);
    }

    /// <summary>Asserts that the check failed on exactly one field, that one, and returns its violation.</summary>
    public static FieldViolation AssertSingleViolation(SubmissionCheck check, string field)
    {
        Assert.Null(check.Valid);
        var violation = Assert.Single(check.Violations);
        Assert.Equal(field, violation.Field);
        return violation;
    }

    public static SubmissionInput ValidInput() => new(
        RequestId: "0190F3C2-7A4B-7D1E-9C3F-5A6B7C8D9E0F",
        CaseNumber: "DI-2026/0042",
        Source: "institutions/vsac-zemgale-jelgava",
        PersonalCode: OldFormatCode,
        FormerPersonalCode: string.Empty,
        GivenName: "Anna",
        FamilyName: "Bērziņa",
        BirthDate: new DateInput(1985, 3, 15),
        TargetGroup: (int)TargetGroup.AdultWithIntellectualOrMentalDisability,
        DestinationMunicipality: "institutions/mun-jelgava",
        RequestedServices: [(int)ServiceType.DayCareCentreAdults, (int)ServiceType.GroupHome],
        DestinationProvider: "institutions/prov-x",
        PlannedMoveDate: new DateInput(2027, 1, 15),
        SupportPlanReference: "IAP-2026-17");

    /// <summary>A person who turns 18 on 2027-06-15, in the adults' group; the move date is for the test to set.</summary>
    public static SubmissionInput PersonBornOn15June2009() => ValidInput() with
    {
        PersonalCode = OldCode("150609", '2'),
        BirthDate = new DateInput(2009, 6, 15),
    };

    /// <summary>
    /// A valid old-format code for this DDMMYY and century digit (other than <paramref name="avoid"/>);
    /// serials whose body has no check digit are skipped.
    /// </summary>
    public static string OldCode(string date, char century, string? avoid = null)
    {
        for (var serial = 0; serial < 1000; serial++)
        {
            var body = date + century + serial.ToString("000", CultureInfo.InvariantCulture);
            if (PersonalCode.CheckDigit(body) is { } checkDigit)
            {
                var code = date + "-" + body[6..] + checkDigit.ToString(CultureInfo.InvariantCulture);
                if (code != avoid)
                {
                    return code;
                }
            }
        }

        throw new InvalidOperationException("No serial gives a check digit.");
    }

    private static RegistrySnapshot BuildRegistry()
    {
        var zemgale = new InstitutionRef("pr-zemgale", "Zemgales plānošanas reģions");
        var vidzeme = new InstitutionRef("pr-vidzeme", "Vidzemes plānošanas reģions");
        var jelgava = new InstitutionRef("mun-jelgava", "Jelgavas valstspilsēta");
        var madona = new InstitutionRef("mun-madona", "Madonas novads");
        var vsacZemgale = new InstitutionRef("vsac-zemgale", "VSAC \"Zemgale\"");
        var vsacLatgale = new InstitutionRef("vsac-latgale", "VSAC \"Latgale\"");
        var reform = new DateOnly(2021, 7, 1);

        Institution[] institutions =
        [
            Institution("lm", InstitutionKind.Ministry, "Labklājības ministrija"),
            Institution(zemgale.Code, InstitutionKind.PlanningRegion, zemgale.DisplayName),
            Institution(vidzeme.Code, InstitutionKind.PlanningRegion, vidzeme.DisplayName),
            Institution(jelgava.Code, InstitutionKind.Municipality, jelgava.DisplayName, region: zemgale, validFrom: reform),
            Institution(
                "mun-varaklani", InstitutionKind.Municipality, "Varakļānu novads",
                region: vidzeme, validFrom: reform, validTo: new DateOnly(2025, 7, 1), successor: madona),
            Institution(madona.Code, InstitutionKind.Municipality, madona.DisplayName, region: vidzeme, validFrom: reform),
            Institution(vsacZemgale.Code, InstitutionKind.StateCareCentre, vsacZemgale.DisplayName, region: zemgale),
            Institution("vsac-zemgale-jelgava", InstitutionKind.CareCentreBranch, "filiāle \"Jelgava\"", region: zemgale, parent: vsacZemgale),
            Institution("vsac-zemgale-iecava", InstitutionKind.CareCentreBranch, "filiāle \"Iecava\"", region: zemgale, parent: vsacZemgale),
            // A branch closed for the test's sake.
            Institution(
                "vsac-zemgale-closed", InstitutionKind.CareCentreBranch, "filiāle (slēgta)",
                region: zemgale, parent: vsacZemgale, validTo: new DateOnly(2026, 1, 1)),
            Institution(vsacLatgale.Code, InstitutionKind.StateCareCentre, vsacLatgale.DisplayName),
            Institution("vsac-latgale-kalkuni", InstitutionKind.CareCentreBranch, "filiāle \"Kalkūni\"", parent: vsacLatgale),
            Institution("bsac-jelgava", InstitutionKind.ChildCareInstitution, "bērnu aprūpes iestāde", region: zemgale),
            Institution("prov-x", InstitutionKind.ServiceProvider, "Pakalpojumu sniedzējs X", region: zemgale),
            Institution(
                "prov-closed", InstitutionKind.ServiceProvider, "Slēgts pakalpojumu sniedzējs",
                region: zemgale, validTo: new DateOnly(2027, 1, 1)),
        ];

        ServiceTypeDefinition[] serviceTypes =
        [
            new(ServiceType.GroupHome, "grupu māja (dzīvoklis)", "group home", ServiceUnit.Places, []),
            new(ServiceType.DayCareCentreAdults, "dienas aprūpes centrs pieaugušajiem", "day care centre for adults", ServiceUnit.Places, []),
            new(ServiceType.HomeCare, "aprūpe mājās", "home care", ServiceUnit.Hours, []),
            new(ServiceType.SocialRehabilitation, "sociālā rehabilitācija", "social rehabilitation", ServiceUnit.Sessions, []),
        ];

        return new RegistrySnapshot(institutions, serviceTypes);
    }

    private static Institution Institution(
        string code,
        InstitutionKind kind,
        string displayName,
        InstitutionRef? region = null,
        InstitutionRef? parent = null,
        DateOnly? validFrom = null,
        DateOnly? validTo = null,
        InstitutionRef? successor = null) => new(
        Code: code,
        Kind: kind,
        DisplayName: displayName,
        PlanningRegion: region,
        Municipality: null,
        Parent: parent,
        Address: null,
        ValidFrom: validFrom,
        ValidTo: validTo,
        Successor: successor,
        OfficialCode: null);
}
