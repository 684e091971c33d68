using System.Security.Cryptography;
using System.Text;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// A batch of records after everything that needs no database: names and dates parsed, request
/// keys and content digests computed, the registry's facts looked up. Ready for
/// <see cref="ServiceRecording.ApplyAsync"/>, which may decide it more than once (after a write
/// conflict), so it is never changed after it is made.
/// </summary>
public sealed class PreparedRecords
{
    private PreparedRecords(
        IReadOnlyList<PreparedRecord> records,
        ProgrammeRules rules,
        IReadOnlySet<ServiceType> cappedServices,
        InclusivePeriod window)
    {
        Records = records;
        Rules = rules;
        CappedServices = cappedServices;
        Window = window;
    }

    internal IReadOnlyList<PreparedRecord> Records { get; }

    internal ProgrammeRules Rules { get; }

    /// <summary>The batch's services under a quantity cap: only these need the clients' earlier records.</summary>
    internal IReadOnlySet<ServiceType> CappedServices { get; }

    /// <summary>
    /// The days whose earlier records the caps may count: the batch's calendar years and a week on
    /// either side, for the ISO weeks that straddle a new year.
    /// </summary>
    internal InclusivePeriod Window { get; }

    internal static PreparedRecords Of(Caller caller, IReadOnlyList<RecordInput> inputs, RegistrySnapshot snapshot)
    {
        // One set of provider facts per provider, shared by the batch's records that name it.
        var providers = new Dictionary<string, ServiceProviderFacts?>(StringComparer.Ordinal);
        ServiceProviderFacts? Provider(string code)
        {
            if (!providers.TryGetValue(code, out var facts))
            {
                var provider = snapshot.Find(code);
                facts = provider?.Kind == InstitutionKind.ServiceProvider
                    ? new ServiceProviderFacts(
                        provider,
                        provider.OfferedServices.ToHashSet(),
                        provider.Municipality is { } municipality ? snapshot.TerritoryOf(municipality.Code) : new HashSet<string>())
                    : null;
                providers[code] = facts;
            }

            return facts;
        }

        var records = new PreparedRecord[inputs.Count];
        var capped = new HashSet<ServiceType>();
        DateOnly? first = null, last = null;
        for (var i = 0; i < inputs.Count; i++)
        {
            var record = Parse(caller, inputs[i], Provider);
            records[i] = record;
            if (record.Problem is not null)
            {
                continue;
            }

            var period = record.Period!.Value;
            first = first is { } f && f <= period.FirstDay ? f : period.FirstDay;
            last = last is { } l && l >= period.LastDay ? l : period.LastDay;
            capped.Add(record.ServiceType);
        }

        var rules = new ProgrammeRules(snapshot.ServiceTypes, snapshot.Projects.Values);
        capped.IntersectWith(rules.CappedServices);

        var window = first is { } from && last is { } until
            ? new InclusivePeriod(Shift(new DateOnly(from.Year, 1, 1), -7), Shift(new DateOnly(until.Year, 12, 31), 7))
            : default;
        return new PreparedRecords(
            records,
            rules,
            capped,
            window);
    }

    /// <summary>Moves by whole days, stopping at the calendar's ends: a record may name any day, even the first or the last.</summary>
    private static DateOnly Shift(DateOnly day, int days) =>
        DateOnly.FromDayNumber(Math.Clamp(day.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    private static PreparedRecord Parse(Caller caller, RecordInput input, Func<string, ServiceProviderFacts?> provider)
    {
        var requestId = Uuid.Normalize(input.RequestId);
        var clientId = input.Client.StartsWith("clients/", StringComparison.Ordinal) ? Uuid.Normalize(input.Client["clients/".Length..]) : null;
        var providerCode = InstitutionCode.FromResourceName(input.Provider);
        var projectCode = input.Project.Length == 0 ? null : Project.CodeFromResourceName(input.Project);
        var first = input.FirstDay?.ToDate();
        var last = input.LastDay?.ToDate();
        ServiceRecordViolation? problem =
            requestId is null ? new(ServiceRecording.RequestIdInvalid, "request_id must be a UUID.")
            : clientId is null ? new(ServiceRecording.ClientUnknown, "client must be clients/{client}.")
            : providerCode is null ? new(ServiceRecordReasons.ProviderUnknown, "provider must be institutions/{code}.")
            : first is null || last is null ? new(ServiceRecording.PeriodMissing, "first_day and last_day must be real calendar dates.")
            : input.Project.Length > 0 && projectCode is null ? new(ServiceRecordReasons.ProjectUnknown, "project must be projects/{code}.")
            : null;
        if (problem is not null)
        {
            return new PreparedRecord(input, problem, null, null, null, null, null, null, null);
        }

        var canonical = string.Join('\n', clientId, input.ServiceType, providerCode, first!.Value.ToString("O"), last!.Value.ToString("O"),
            input.Quantity, input.Unit, input.CostCents, input.FundingSource, input.EsfProjectCode);

        // The fields added with projects join the digest only when set, so that a record sent before
        // them and resent unchanged is still recognised as the same record.
        if (projectCode is not null || input.RecipientKind != 0)
        {
            canonical = string.Join('\n', canonical, projectCode, input.RecipientKind);
        }

        return new PreparedRecord(
            input, null, requestId, SHA256.HashData(Encoding.UTF8.GetBytes(canonical)),
            clientId, providerCode, projectCode, new InclusivePeriod(first.Value, last.Value), provider(providerCode!));
    }
}

/// <summary>
/// One record of a prepared batch: either the problem that stops it before any rule, or its keys,
/// digest, parsed names and the registry's facts about the provider it names (null when unknown).
/// </summary>
internal sealed record PreparedRecord(
    RecordInput Input,
    ServiceRecordViolation? Problem,
    string? RequestId,
    byte[]? ContentHash,
    string? ClientId,
    string? ProviderCode,
    string? ProjectCode,
    InclusivePeriod? Period,
    ServiceProviderFacts? Provider)
{
    public ServiceType ServiceType => (ServiceType)Input.ServiceType;

    public string? EsfProjectCode => Input.EsfProjectCode.Length == 0 ? null : Input.EsfProjectCode;

    /// <summary>Unspecified (0) is the client in person, as before recipients were recorded.</summary>
    public RecipientKind RecipientKind => Input.RecipientKind == 0 ? RecipientKind.Client : (RecipientKind)Input.RecipientKind;
}
