using System.Security.Cryptography;
using DeinstGateway.Core.Assessments;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Assessments;
using DeinstGateway.Persistence.Capacity;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Database;
using DeinstGateway.Persistence.ServiceRecords;
using DeinstGateway.Persistence.SupportPlans;
using DeinstGateway.Persistence.Transfers;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Server.Tests.Monitoring;

public sealed record GeneratedTransfer(string Municipality, TargetGroup Group, TransferState State, RejectionReason? Reason, DateOnly Planned, DateTime Created, DateTime? Completed);

/// <summary>A client responsible to <see cref="Municipality"/> over a period, with a support plan valid over another.</summary>
public sealed record GeneratedPlanClient(string Id, TargetGroup Group, string Municipality, DateOnly ResponsibleFrom, DateOnly? ResponsibleTo, DateOnly PlanFrom, DateOnly? PlanTo);

public sealed record GeneratedAssessment(string Municipality, DateOnly Date, AssessmentOutcome Outcome);

public sealed record GeneratedService(string ClientId, string Provider, DateOnly FirstDay, string Project, FundingSource Source, ServiceType Service, ServiceUnit Unit, long Quantity, long Cents, bool Withdrawn);

public sealed record GeneratedOccupancy(string Institution, DateOnly From, int Places, int Residents);

/// <summary>
/// The records monitoring counts, generated from a fixed seed over 2024–2025 and written straight
/// into the gateway's database (its own writes would date everything today). The tests count the
/// same lists themselves, independently of the gateway's SQL.
/// </summary>
public sealed class MonitoringData
{
    public static readonly DateOnly From = new(2024, 1, 1);
    public static readonly DateOnly Until = new(2026, 1, 1);

    /// <summary>Where the generated records are, with their planning region: a small municipality among large ones.</summary>
    public static readonly IReadOnlyDictionary<string, string> Regions = new Dictionary<string, string>
    {
        ["mun-jelgava"] = "pr-zemgale",
        ["mun-bauska"] = "pr-zemgale",
        ["mun-dobele"] = "pr-zemgale",
        ["mun-riga"] = "pr-riga",
        ["mun-madona"] = "pr-vidzeme",
    };

    public static readonly IReadOnlyDictionary<string, string> ProviderMunicipalities = new Dictionary<string, string>
    {
        ["prov-demo-jelgava-workshop"] = "mun-jelgava",
        ["prov-demo-riga-respite"] = "mun-riga",
        ["prov-demo-madona-group-home"] = "mun-madona",
    };

    public static readonly IReadOnlyDictionary<string, string> CareInstitutionRegions = new Dictionary<string, string>
    {
        ["vsac-zemgale-jelgava"] = "pr-zemgale",
        ["vsac-zemgale-iecava"] = "pr-zemgale",
        ["vsac-riga-teika"] = "pr-riga",
        ["ccare-demo-latgale"] = "pr-latgale",
    };

    private static readonly string[] MunicipalityPicks =
        ["mun-jelgava", "mun-jelgava", "mun-jelgava", "mun-bauska", "mun-bauska", "mun-riga", "mun-riga", "mun-riga", "mun-dobele", "mun-madona"];

    private readonly Random _random = new(20261204);

    public MonitoringData()
    {
        Transfers = Enumerable.Range(0, 1500).Select(_ => Transfer()).ToList();
        PlanClients = Enumerable.Range(0, 400).Select(_ => PlanClient()).ToList();
        Assessments = Enumerable.Range(0, 600).Select(_ => new GeneratedAssessment(
            Pick(MunicipalityPicks), Day(), Pick([AssessmentOutcome.ServicesNeeded, AssessmentOutcome.ServicesNeeded, AssessmentOutcome.Declined, AssessmentOutcome.NotEligible]))).ToList();
        Services = Enumerable.Range(0, 900).Select(_ => Service()).ToList();
        Occupancy =
        [
            .. Enumerable.Range(0, 6).Select(i => new GeneratedOccupancy("vsac-zemgale-jelgava", From.AddMonths(i * 4), 300, 280 - (i * 9))),
            .. Enumerable.Range(0, 3).Select(i => new GeneratedOccupancy("vsac-zemgale-iecava", From.AddMonths(2 + (i * 7)), 8, 4 - i)),
            .. Enumerable.Range(0, 5).Select(i => new GeneratedOccupancy("vsac-riga-teika", From.AddMonths(1 + (i * 5)), 150, 140 - (i * 11))),
            new GeneratedOccupancy("ccare-demo-latgale", From.AddMonths(3), 40, 31),
        ];
    }

    public IReadOnlyList<GeneratedTransfer> Transfers { get; }

    public IReadOnlyList<GeneratedPlanClient> PlanClients { get; }

    public IReadOnlyList<GeneratedAssessment> Assessments { get; }

    public IReadOnlyList<GeneratedService> Services { get; }

    public IReadOnlyList<GeneratedOccupancy> Occupancy { get; }

    /// <summary>Every client id written; no answer may name one.</summary>
    public List<string> ClientIds { get; } = [];

    public async Task WriteAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        foreach (var transfer in Transfers)
        {
            var client = NewClient(db, transfer.Group);
            var id = Guid.NewGuid().ToString();
            db.Transfers.Add(new TransferRow
            {
                Id = id,
                CaseNumber = id,
                SourceCode = "vsac-zemgale-jelgava",
                SourceParentCode = "vsac-zemgale",
                SubmitterCode = "vsac-zemgale-jelgava",
                BusinessKey = "vsac-zemgale-jelgava/" + id,
                RequestId = Guid.NewGuid().ToByteArray(),
                ContentHash = RandomNumberGenerator.GetBytes(32),
                ClientId = client,
                ProtectedPerson = RandomNumberGenerator.GetBytes(64),
                PersonBirthDate = new DateOnly(1980, 1, 1),
                TargetGroup = transfer.Group,
                DestinationMunicipalityCode = transfer.Municipality,
                DestinationRegionCode = Regions[transfer.Municipality],
                RequestedServices = "3",
                PlannedMoveDate = transfer.Planned,
                SupportPlanReference = "IAP-1",
                State = transfer.State,
                RejectionReason = transfer.Reason,
                Version = 1,
                CreateTime = transfer.Created,
                UpdateTime = transfer.Completed ?? transfer.Created,
            });
            db.TransferEvents.Add(new TransferEventRow { TransferId = id, ToState = TransferState.Submitted, ActorCode = "vsac-zemgale-jelgava", Time = transfer.Created, Version = 1 });
            if (transfer.Completed is { } completed)
            {
                db.TransferEvents.Add(new TransferEventRow
                {
                    TransferId = id, FromState = TransferState.Accepted, ToState = TransferState.Completed, ActorCode = transfer.Municipality, Time = completed, Version = 3,
                });
            }
        }

        foreach (var client in PlanClients)
        {
            db.Clients.Add(ClientRow(client.Id, client.Group));
            db.ClientRelations.Add(new ClientRelationRow
            {
                ClientId = client.Id, Kind = RelationKind.Responsible, InstitutionCode = client.Municipality, ValidFrom = client.ResponsibleFrom, ValidTo = client.ResponsibleTo,
            });
            db.SupportPlans.Add(new SupportPlanRow
            {
                ClientId = client.Id, PlanId = "IAP-1", ResponsibleMunicipalityCode = client.Municipality, AssessmentDate = client.PlanFrom,
                ValidFrom = client.PlanFrom, ValidTo = client.PlanTo, PlannedServices = "[]", Version = 1, UpdateTime = DateTime.UtcNow,
            });
        }

        foreach (var assessment in Assessments)
        {
            db.NeedsAssessments.Add(new NeedsAssessmentRow
            {
                Id = Guid.NewGuid().ToString(), ClientId = NewClient(db, TargetGroup.AdultWithIntellectualOrMentalDisability), AssessmentDate = assessment.Date,
                AssessorCode = assessment.Municipality, Outcome = assessment.Outcome, PlannedServiceTypes = string.Empty,
                ResponsibleMunicipalityCode = assessment.Municipality, RecordedByCode = assessment.Municipality,
                RequestId = Guid.NewGuid().ToByteArray(), ContentHash = RandomNumberGenerator.GetBytes(32), CreateTime = DateTime.UtcNow,
            });
        }

        foreach (var service in Services)
        {
            if (!ClientIds.Contains(service.ClientId))
            {
                db.Clients.Add(ClientRow(service.ClientId, TargetGroup.AdultWithIntellectualOrMentalDisability));
            }

            db.ServiceRecords.Add(new ServiceRecordRow
            {
                Id = Guid.NewGuid().ToString(), RequestId = Guid.NewGuid().ToByteArray(), ContentHash = RandomNumberGenerator.GetBytes(32),
                ClientId = service.ClientId, ServiceType = service.Service, ProviderCode = service.Provider, FirstDay = service.FirstDay, LastDay = service.FirstDay,
                Quantity = service.Quantity, Unit = service.Unit, CostCents = service.Cents, FundingSource = service.Source,
                EsfProjectCode = service.Source == FundingSource.EsfProject ? "9.2.2.1/15/I/001" : null,
                ProjectCode = service.Project["projects/".Length..], RecordedByCode = service.Provider, RecordTime = DateTime.UtcNow,
                WithdrawTime = service.Withdrawn ? DateTime.UtcNow : null, WithdrawnByCode = service.Withdrawn ? service.Provider : null,
                WithdrawalReason = service.Withdrawn ? WithdrawalReason.RecordedInError : null,
            });
        }

        foreach (var occupancy in Occupancy)
        {
            db.Occupancy.Add(new OccupancyRow
            {
                InstitutionCode = occupancy.Institution, EffectiveFrom = occupancy.From, Places = occupancy.Places, Residents = occupancy.Residents, DeclareTime = DateTime.UtcNow,
            });
        }

        await db.SaveChangesAsync();
    }

    private GeneratedTransfer Transfer()
    {
        var state = Pick([TransferState.Completed, TransferState.Completed, TransferState.Completed, TransferState.Rejected, TransferState.Rejected,
            TransferState.Submitted, TransferState.Accepted, TransferState.Cancelled]);
        var planned = Day();
        var created = planned.AddDays(-_random.Next(0, 90)).ToDateTime(new TimeOnly(_random.Next(0, 24), _random.Next(0, 60)));
        return new GeneratedTransfer(
            Pick(MunicipalityPicks),
            Pick([TargetGroup.AdultWithIntellectualOrMentalDisability, TargetGroup.AdultWithIntellectualOrMentalDisability, TargetGroup.ChildWithFunctionalImpairment,
                TargetGroup.ChildInOutOfFamilyCare]),
            state,
            state == TransferState.Rejected ? Pick(Enum.GetValues<RejectionReason>()) : null,
            planned,
            created,
            state == TransferState.Completed ? created.AddDays(_random.Next(0, 120)).AddMinutes(_random.Next(0, 1440)) : null);
    }

    private GeneratedPlanClient PlanClient()
    {
        var responsibleFrom = new DateOnly(2023, 1, 1).AddDays(_random.Next(0, 900));
        DateOnly? responsibleTo = _random.Next(3) == 0 ? responsibleFrom.AddDays(_random.Next(30, 500)) : null;
        var planFrom = new DateOnly(2023, 6, 1).AddDays(_random.Next(0, 900));
        DateOnly? planTo = _random.Next(2) == 0 ? planFrom.AddDays(_random.Next(30, 400)) : null;
        return new GeneratedPlanClient(
            Guid.NewGuid().ToString(), Pick(Enum.GetValues<TargetGroup>()), Pick(MunicipalityPicks), responsibleFrom, responsibleTo, planFrom, planTo);
    }

    private GeneratedService Service()
    {
        var provider = Pick(ProviderMunicipalities.Keys.ToArray());
        var (service, unit) = provider switch
        {
            "prov-demo-jelgava-workshop" => Pick([(ServiceType.SpecialisedWorkshop, ServiceUnit.Places), (ServiceType.DayCareCentreAdults, ServiceUnit.Places)]),
            "prov-demo-riga-respite" => Pick([(ServiceType.RespiteCare, ServiceUnit.Days), (ServiceType.HomeCare, ServiceUnit.Hours)]),
            _ => (ServiceType.GroupHome, ServiceUnit.Places),
        };
        var source = Pick([FundingSource.EsfProject, FundingSource.EsfProject, FundingSource.MunicipalBudget, FundingSource.StateBudget]);
        return new GeneratedService(
            // A few clients receive many services: cells with many records may still serve fewer than five people.
            "00000000-0000-4000-8000-" + _random.Next(0, 40).ToString("D12", System.Globalization.CultureInfo.InvariantCulture),
            provider,
            Day(),
            source switch
            {
                FundingSource.EsfProject => "projects/esf-zemgale",
                _ => "projects/none",
            },
            source,
            service,
            unit,
            _random.Next(1, 40),
            _random.Next(100, 500_000),
            _random.Next(20) == 0);
    }

    private string NewClient(GatewayDbContext db, TargetGroup group)
    {
        var id = Guid.NewGuid().ToString();
        db.Clients.Add(ClientRow(id, group));
        return id;
    }

    private ClientRow ClientRow(string id, TargetGroup group)
    {
        ClientIds.Add(id);
        return new ClientRow
        {
            Id = id, PersonalCodeHash = RandomNumberGenerator.GetBytes(32), ProtectedIdentity = RandomNumberGenerator.GetBytes(64),
            BirthDate = new DateOnly(1980, 1, 1), TargetGroup = group, CreateTime = DateTime.UtcNow, UpdateTime = DateTime.UtcNow,
        };
    }

    private DateOnly Day() => From.AddDays(_random.Next(0, Until.DayNumber - From.DayNumber));

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];
}
