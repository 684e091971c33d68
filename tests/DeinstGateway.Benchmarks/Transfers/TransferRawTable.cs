using System.Globalization;
using System.Security.Cryptography;
using DeinstGateway.Benchmarks.Infrastructure;
using Deinst.V1;
using Google.Protobuf;
using Microsoft.Data.Sqlite;

namespace DeinstGateway.Benchmarks.Transfers;

/// <summary>
/// The raw baseline's table: the columns of <c>transfers</c> as the SQLite migrations
/// create them, with its primary key but none of its secondary indexes,
/// and rows holding what the gateway would store for the same messages.
/// </summary>
public static class TransferRawTable
{
    public static readonly RawTable Table = new("transfers_raw", "Id",
    [
        new("Id", SqliteType.Text),
        new("CaseNumber", SqliteType.Text),
        new("SourceCode", SqliteType.Text),
        new("SourceParentCode", SqliteType.Text, Nullable: true),
        new("SubmitterCode", SqliteType.Text),
        new("BusinessKey", SqliteType.Text),
        new("RequestId", SqliteType.Blob),
        new("ContentHash", SqliteType.Blob),
        new("ClientId", SqliteType.Text),
        new("ProtectedPerson", SqliteType.Blob),
        new("PersonBirthDate", SqliteType.Text),
        new("TargetGroup", SqliteType.Text),
        new("DestinationMunicipalityCode", SqliteType.Text),
        new("DestinationRegionCode", SqliteType.Text, Nullable: true),
        new("RequestedServices", SqliteType.Text),
        new("DestinationProviderCode", SqliteType.Text, Nullable: true),
        new("PlannedMoveDate", SqliteType.Text),
        new("SupportPlanReference", SqliteType.Text),
        new("State", SqliteType.Text),
        new("RejectionReason", SqliteType.Text, Nullable: true),
        new("PlacesProviderCode", SqliteType.Text, Nullable: true),
        new("Version", SqliteType.Integer),
        new("CreateTime", SqliteType.Text),
        new("UpdateTime", SqliteType.Text),
    ]);

    private static readonly Dictionary<string, string> PlanningRegions = new(StringComparer.Ordinal)
    {
        ["mun-jelgava"] = "pr-zemgale",
        ["mun-bauska"] = "pr-zemgale",
        ["mun-madona"] = "pr-vidzeme",
    };

    /// <summary>The row the gateway would write for the message, in <see cref="Table"/>'s column order.</summary>
    public static object?[] Row(SubmitTransferRequest request)
    {
        var t = request.Transfer;
        var source = t.Source["institutions/".Length..];
        var destination = t.DestinationMunicipality["institutions/".Length..];
        // EF Core stores DateTime in SQLite as this text; DateOnly as yyyy-MM-dd.
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return
        [
            Guid.CreateVersion7().ToString("D"),
            t.CaseNumber,
            source,
            source == TransferRequestFactory.Caller ? null : TransferRequestFactory.Caller,
            TransferRequestFactory.Caller,
            source + "|" + t.CaseNumber,
            Guid.ParseExact(request.RequestId, "D").ToByteArray(bigEndian: true),
            SHA256.HashData(t.ToByteArray()),
            Guid.NewGuid().ToString("D"),
            // The person as sent, encrypted: about the size of the gateway's ciphertext.
            RandomNumberGenerator.GetBytes(120),
            new DateOnly(t.Person.BirthDate.Year, t.Person.BirthDate.Month, t.Person.BirthDate.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "AdultWithIntellectualOrMentalDisability",
            destination,
            PlanningRegions.GetValueOrDefault(destination),
            string.Join(',', t.RequestedServices.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture))),
            null,
            new DateOnly(t.PlannedMoveDate.Year, t.PlannedMoveDate.Month, t.PlannedMoveDate.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            t.SupportPlanReference,
            "Submitted",
            null,
            null,
            1L,
            now,
            now,
        ];
    }
}
