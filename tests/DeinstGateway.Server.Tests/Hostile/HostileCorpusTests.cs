using Deinst.V1;
using Google.Rpc;
using Grpc.Core;
using Xunit.Abstractions;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace DeinstGateway.Server.Tests.Hostile;

/// <summary>
/// Every case of the hostile-input corpus against one gateway: the exact status (and per-message
/// outcome), exactly the rows the case may write (none for most), and the gateway still healthy.
/// </summary>
public sealed class HostileCorpusTests(HostileFixture fixture, ITestOutputHelper output) : IClassFixture<HostileFixture>
{
    private static readonly string[] Categories =
    [
        "frame", "oversize", "unknown-enum", "personal-code", "checksum", "impossible-date", "negative-amount",
        "control-characters", "long-string", "sql-or-path", "reused-request-id", "foreign-institution", "missing-field",
    ];

    public static TheoryData<string> Names => HostileCorpus.Names();

    [Fact]
    public void Corpus_CoversEveryCategoryAndService()
    {
        var cases = HostileCorpus.Cases.Values.ToList();
        output.WriteLine($"Hostile corpus: {cases.Count} cases in {Directory.GetFiles(HostileCorpus.Folder, "*.json").Length} files");
        foreach (var group in cases.GroupBy(c => c.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }

        Assert.Empty(cases.Select(c => c.Category).Except(Categories));
        Assert.Empty(Categories.Except(cases.Select(c => c.Category)));
        var services = cases.Select(c => CaseSender.Find(c.Method).Service.Name).ToHashSet();
        Assert.Equal(
            ["CapacityService", "ClientService", "MonitoringService", "NeedsAssessmentService", "RegistryService", "ServiceRecordService", "SupportPlanService", "TransferService"],
            services.Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Case_Sent_AnswersExactlyWritesOnlyWhatItSaysAndLeavesTheGatewayHealthy(string name)
    {
        var hostile = HostileCorpus.Cases[name];
        var before = await RowCounts.ReadAsync(fixture.Gateway.DatabasePath);

        var answer = await fixture.Sender.SendAsync(hostile);

        var after = await RowCounts.ReadAsync(fixture.Gateway.DatabasePath);
        Assert.Equal(Code(hostile.Status), answer.Status);
        if (hostile.Field is { } field)
        {
            Assert.Contains(field, Violations(answer.Details));
        }

        if (hostile.Reason is { } reason)
        {
            Assert.Equal(reason, answer.Details?.GetDetail<ErrorInfo>()?.Reason);
        }

        if (hostile.Outcomes is { } outcomes)
        {
            AssertOutcomes(outcomes, answer.Responses.Cast<SubmitTransferResponse>().ToList());
        }

        if (hostile.Records is { } records)
        {
            AssertRecords(records, (RecordServicesResponse)Assert.Single(answer.Responses));
        }

        var expectedWrites = (hostile.Writes ?? new Dictionary<string, int>()).ToDictionary(w => w.Key, w => (long)w.Value, StringComparer.Ordinal);
        Assert.Equal(expectedWrites, RowCounts.Delta(before, after));
        Assert.Equal(ServingStatus.Serving, await fixture.HealthAsync());
    }

    private static void AssertOutcomes(IReadOnlyList<ExpectedOutcome> expected, IReadOnlyList<SubmitTransferResponse> responses)
    {
        Assert.Equal(expected.Count, responses.Count);
        foreach (var (want, got) in expected.Zip(responses))
        {
            Assert.Equal(Enum.Parse<SubmitOutcome>(want.Outcome, ignoreCase: true), got.Outcome);
            if (want.Field is { } field)
            {
                Assert.Contains(field, Violations(got.Error));
            }

            if (want.Reason is { } reason)
            {
                Assert.Equal(reason, got.Error?.GetDetail<ErrorInfo>()?.Reason);
            }
        }
    }

    private static void AssertRecords(ExpectedRecords expected, RecordServicesResponse response)
    {
        Assert.Equal((expected.Accepted, expected.Duplicate, expected.Rejected.Count), (response.Accepted, response.Duplicate, response.Rejected));
        Assert.Equal(
            expected.Rejected.Select(codes => string.Join(",", codes.Order(StringComparer.Ordinal))),
            response.Rejections.Select(r => string.Join(",", r.Reasons.Select(v => v.Code).Order(StringComparer.Ordinal))));
    }

    private static IEnumerable<string> Violations(Google.Rpc.Status? status) =>
        status?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field) ?? [];

    // The corpus writes codes as the gRPC specification names them, e.g. INVALID_ARGUMENT.
    private static StatusCode Code(string name) => Enum.Parse<StatusCode>(name.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);
}
