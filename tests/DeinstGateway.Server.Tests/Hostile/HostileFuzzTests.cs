using System.Diagnostics;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Protobuf;
using Grpc.Core;
using Xunit.Abstractions;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace DeinstGateway.Server.Tests.Hostile;

/// <summary>
/// A bounded fuzz run: seeded mutations of valid messages of eight request types, each sent as a
/// correctly framed raw call. No answer may be INTERNAL or UNKNOWN, the gateway stays healthy, and
/// the database grows by exactly what the gateway said it accepted, with no transfer left
/// without its client or its first event.
/// </summary>
public sealed class HostileFuzzTests(HostileFixture fixture, ITestOutputHelper output) : IClassFixture<HostileFixture>
{
    private const int Seed = 20261123;
    private const int MutationsPerRequestType = 500;
    private const string Provider = HostileFixture.Provider;

    [Fact]
    public async Task MutatedValidMessages_NeverInternalOrUnknown_AndWriteOnlyWhatWasAnsweredAsAccepted()
    {
        var mutator = new ProtobufMutator(Seed);
        var accepted = new Dictionary<string, int>(StringComparer.Ordinal);
        var statuses = new SortedDictionary<StatusCode, int>();
        var before = await RowCounts.ReadAsync(fixture.Gateway.DatabasePath);
        var clock = Stopwatch.StartNew();

        foreach (var (method, caller, valid) in ValidRequests())
        {
            for (var i = 0; i < MutationsPerRequestType; i++)
            {
                var payload = mutator.Mutate(valid(i).ToByteArray());
                var answer = await fixture.Raw.PostAsync(caller, method, RawGrpcClient.Frame(payload));
                if (answer.Status is not { } status || status is StatusCode.Internal or StatusCode.Unknown)
                {
                    Assert.Fail($"{method} answered {answer.Status?.ToString() ?? "HTTP " + (int)answer.HttpStatus} to {Convert.ToHexString(payload)}");
                    return;
                }

                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                accepted[method] = accepted.GetValueOrDefault(method) + Accepted(method, status, answer.Messages);
            }
        }

        var mutations = statuses.Values.Sum();
        output.WriteLine($"Fuzz: seed {Seed}, {mutations} mutations in {clock.Elapsed.TotalSeconds:F1} s; statuses: "
            + string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}")));
        output.WriteLine("Accepted per method: " + string.Join(", ", accepted.Select(a => $"{a.Key} {a.Value}")));
        Assert.True(mutations >= 3000);
        Assert.Equal(ServingStatus.Serving, await fixture.HealthAsync());
        AssertGrowth(RowCounts.Delta(before, await RowCounts.ReadAsync(fixture.Gateway.DatabasePath)), accepted);
        Assert.Equal(["0"], await SqliteFile.ColumnAsync(fixture.Gateway.DatabasePath, """
            SELECT COUNT(*) FROM transfers t
            WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.Id = t.ClientId)
               OR NOT EXISTS (SELECT 1 FROM transfer_events e WHERE e.TransferId = t.Id)
            """));
    }

    /// <summary>How many writes the answer admits to: created transfers, accepted records, a stored plan or declaration.</summary>
    private static int Accepted(string method, StatusCode status, IReadOnlyList<byte[]> messages) => method switch
    {
        _ when status != StatusCode.OK => 0,
        Methods.Submit => messages.Count(m => SubmitTransferResponse.Parser.ParseFrom(m).Outcome == SubmitOutcome.Created),
        Methods.Record or Methods.RecordBatches => RecordServicesResponse.Parser.ParseFrom(messages.Single()).Accepted,
        Methods.PutPlan or Methods.SetCapacity => 1,
        _ => 0,
    };

    private static void AssertGrowth(IReadOnlyDictionary<string, long> delta, Dictionary<string, int> accepted)
    {
        var transfers = accepted.GetValueOrDefault(Methods.Submit);
        var declarations = accepted.GetValueOrDefault(Methods.SetCapacity);
        Assert.Equal(transfers, delta.GetValueOrDefault("transfers"));
        Assert.Equal(transfers, delta.GetValueOrDefault("transfer_events"));
        Assert.InRange(delta.GetValueOrDefault("clients"), 0, transfers);
        var records = accepted.GetValueOrDefault(Methods.Record) + accepted.GetValueOrDefault(Methods.RecordBatches);
        Assert.Equal(records, delta.GetValueOrDefault("service_records"));
        // Each accepted record adds to its day's totals: a new row at most per record.
        Assert.InRange(delta.GetValueOrDefault("service_record_day_totals"), 0, records);
        Assert.Equal(accepted.GetValueOrDefault(Methods.PutPlan), delta.GetValueOrDefault("support_plans"));
        // A plan naming providers relates each of them to the client; submissions relate no one.
        Assert.InRange(delta.GetValueOrDefault("client_relations"), 0, accepted.GetValueOrDefault(Methods.PutPlan) * 20);
        // Declaring the same day again replaces the declaration; every declaration is one change of the feed.
        Assert.Equal(declarations, delta.GetValueOrDefault("capacity_changes"));
        Assert.InRange(delta.GetValueOrDefault("capacity_declarations"), 0, declarations);
        Assert.InRange(delta.GetValueOrDefault("provider_capacities"), 0, declarations);
        string[] known = ["transfers", "transfer_events", "clients", "service_records", "service_record_day_totals", "support_plans", "client_relations", "capacity_changes", "capacity_declarations", "provider_capacities"];
        Assert.Empty(delta.Keys.Except(known));
    }

    /// <summary>
    /// A valid message of each type, given the mutation's number: writes get a new request id and
    /// case number each time, so that mutations that stay valid reach the database, not only the
    /// resend check.
    /// </summary>
    private IEnumerable<(string Method, string Caller, Func<int, IMessage> Valid)> ValidRequests()
    {
        var client = fixture.Seed["seed.client"];
        var moveDate = TransferRequests.Date(TestCalendar.Today.AddDays(30));
        yield return (Methods.Submit, "vsac-zemgale", i => new SubmitTransferRequest
        {
            RequestId = RequestId(1, i),
            Transfer = new TransferSubmission
            {
                CaseNumber = $"FUZZ-{i:D4}",
                Source = "institutions/vsac-zemgale-jelgava",
                Person = new Person { PersonalCode = "150370-11232", GivenName = "Anna", FamilyName = "Bērziņa", BirthDate = TransferRequests.Date(new DateOnly(1970, 3, 15)) },
                TargetGroup = TargetGroup.AdultWithIntellectualOrMentalDisability,
                DestinationMunicipality = "institutions/mun-jelgava",
                RequestedServices = { ServiceType.DayCareCentreAdults },
                PlannedMoveDate = moveDate,
                SupportPlanReference = "IAP-FUZZ-001",
            },
        });
        yield return (Methods.Record, Provider, i => HostileFixture.GroupHomeWeek(RequestId(2, i), client, new DateOnly(2025, 6, 2)));
        yield return (Methods.RecordBatches, Provider, i => new RecordServiceBatch
        {
            Records =
            {
                HostileFixture.GroupHomeWeek(RequestId(3, 2 * i), client, new DateOnly(2025, 6, 9)),
                HostileFixture.GroupHomeWeek(RequestId(3, 2 * i + 1), client, new DateOnly(2025, 6, 16)),
            },
        });
        yield return (Methods.PutPlan, "mun-madona", _ => new PutSupportPlanRequest
        {
            SupportPlan = new SupportPlan
            {
                Name = client + "/supportPlans/IAP-FUZZ",
                AssessmentDate = TransferRequests.Date(new DateOnly(2025, 1, 10)),
                Validity = new DateRange { StartDate = TransferRequests.Date(new DateOnly(2025, 2, 1)) },
                PlannedServices = { new PlannedService { ServiceType = ServiceType.GroupHome, Provider = "institutions/" + Provider, Volume = 1, Period = VolumePeriod.Year } },
            },
        });
        yield return (Methods.SetCapacity, Provider, _ => new SetCapacityRequest
        {
            Provider = "institutions/" + Provider, ServiceType = ServiceType.GroupHome, Places = 9, EffectiveFrom = moveDate,
        });
        yield return ("/deinst.v1.CapacityService/QueryCapacity", "mun-madona", _ => new QueryCapacityRequest
        {
            Municipality = "institutions/mun-madona", ServiceType = ServiceType.GroupHome, Date = moveDate,
        });
        yield return ("/deinst.v1.RegistryService/ListInstitutions", "mun-madona", _ => new ListInstitutionsRequest
        {
            PageSize = 5, Kind = InstitutionKind.ServiceProvider, PlanningRegion = "institutions/pr-vidzeme",
            ValidOn = TransferRequests.Date(new DateOnly(2025, 7, 1)),
        });
        yield return ("/deinst.v1.TransferService/ListTransfers", "mun-madona", _ => new ListTransfersRequest
        {
            PageSize = 10, State = TransferState.Submitted, Source = "institutions/vsac-zemgale",
        });
        yield return ("/deinst.v1.ServiceRecordService/WithdrawServiceRecord", Provider, _ => new WithdrawServiceRecordRequest
        {
            Name = "serviceRecords/3f1e0000-0000-7000-8000-000000000001", Reason = WithdrawalReason.RecordedInError,
        });
        yield return ("/deinst.v1.ServiceRecordService/GetFundingReport", "lm", _ => new GetFundingReportRequest
        {
            Period = new DateRange { StartDate = TransferRequests.Date(new DateOnly(2025, 1, 1)), EndDate = TransferRequests.Date(new DateOnly(2026, 1, 1)) },
            Municipality = "institutions/mun-madona",
        });
    }

    private static string RequestId(int type, int mutation) => $"3f1e0000-0000-4000-{8000 + type:D4}-{mutation:D12}";

    private static class Methods
    {
        public const string Submit = "/deinst.v1.TransferService/SubmitTransfers";
        public const string Record = "/deinst.v1.ServiceRecordService/RecordServices";
        public const string RecordBatches = "/deinst.v1.ServiceRecordService/RecordServiceBatches";
        public const string PutPlan = "/deinst.v1.SupportPlanService/PutSupportPlan";
        public const string SetCapacity = "/deinst.v1.CapacityService/SetCapacity";
    }
}
