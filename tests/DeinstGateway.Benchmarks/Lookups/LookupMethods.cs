using System.Globalization;
using DeinstGateway.Benchmarks.ServiceRecords;
using DeinstGateway.Benchmarks.Transfers;
using DeinstGateway.Core.Access;
using Google.Protobuf;
using Grpc.Health.V1;
using Proto = Deinst.V1;

namespace DeinstGateway.Benchmarks.Lookups;

/// <summary>One unary call of the benchmark, and what its answer must be.</summary>
/// <param name="Name"><c>Service/Method</c>, as <c>--methods</c> takes and the figures name it.</param>
/// <param name="Purpose">The declared purpose, for calls about a person; none otherwise.</param>
/// <param name="Logged">Every call writes one access-log entry.</param>
/// <param name="Read">What the answer holds, and whether that is the expected answer.</param>
public sealed record LookupMethod(string Name, string Package, string? Purpose, bool Logged, IMessage Request, Func<byte[], (bool Expected, string What)> Read)
{
    public string Path => "/" + Package + "." + Name;
}

/// <summary>
/// The look-ups measured, all made by one municipality: the registry's reference data, a transfer
/// it received and the client that transfer made, its own places, and the health probe.
/// </summary>
public static class LookupMethods
{
    /// <summary>Makes every call, with its development client certificate.</summary>
    public const string Caller = ServiceRecordRequestFactory.Municipality;

    public const int PageSize = 50;

    private const string Deinst = "deinst.v1";
    private const string Health = "grpc.health.v1";

    private static readonly string CallerName = "institutions/" + Caller;

    public static IReadOnlyList<string> Names { get; } =
    [
        "RegistryService/GetInstitution",
        "RegistryService/ListServiceTypes",
        "RegistryService/ListInstitutions",
        "TransferService/GetTransfer",
        "CapacityService/QueryCapacity",
        "Health/Check",
        "ClientService/LookupClient",
        "ClientService/GetClient",
    ];

    /// <param name="client">Handed over to <see cref="Caller"/>: the transfer it reads and the client it finds.</param>
    public static IReadOnlyList<LookupMethod> For(HandedOverClient client, string personalCode)
    {
        LookupMethod[] methods =
        [
            new(Names[0], Deinst, null, false, new Proto.GetInstitutionRequest { Name = CallerName },
                bytes => Is(Proto.Institution.Parser.ParseFrom(bytes).Name, CallerName)),
            new(Names[1], Deinst, null, false, new Proto.ListServiceTypesRequest(),
                bytes => Count(Proto.ListServiceTypesResponse.Parser.ParseFrom(bytes).ServiceTypes.Count, "service types", atLeast: 1)),
            new(Names[2], Deinst, null, false, new Proto.ListInstitutionsRequest { PageSize = PageSize },
                bytes => Count(Proto.ListInstitutionsResponse.Parser.ParseFrom(bytes).Institutions.Count, "institutions", atLeast: PageSize)),
            new(Names[3], Deinst, Purposes.TransferHandover, true, new Proto.GetTransferRequest { Name = client.Transfer },
                bytes => Is(Proto.Transfer.Parser.ParseFrom(bytes).Name, client.Transfer)),
            new(Names[4], Deinst, null, false, new Proto.QueryCapacityRequest { Municipality = CallerName },
                bytes => Count(Proto.QueryCapacityResponse.Parser.ParseFrom(bytes).Rows.Count, "capacity rows", atLeast: 0)),
            new(Names[5], Health, null, false, new HealthCheckRequest(),
                bytes => Is(HealthCheckResponse.Parser.ParseFrom(bytes).Status.ToString(), nameof(HealthCheckResponse.Types.ServingStatus.Serving))),
            new(Names[6], Deinst, Purposes.SupportPlanning, true, new Proto.LookupClientRequest { PersonalCode = personalCode },
                bytes => Is(Proto.Client.Parser.ParseFrom(bytes).Name, client.Client)),
            new(Names[7], Deinst, Purposes.SupportPlanning, true, new Proto.GetClientRequest { Name = client.Client },
                bytes => Is(Proto.ClientOverview.Parser.ParseFrom(bytes).Client.Name, client.Client)),
        ];
        return methods;
    }

    private static (bool, string) Is(string actual, string expected) => (actual == expected, actual);

    private static (bool, string) Count(int count, string what, int atLeast) =>
        (count >= atLeast, count.ToString(CultureInfo.InvariantCulture) + " " + what);
}
