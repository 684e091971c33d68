using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DeinstGateway.Benchmarks.Infrastructure;
using Deinst.V1;
using Microsoft.Data.Sqlite;

namespace DeinstGateway.Benchmarks.ServiceRecords;

/// <summary>
/// The raw baseline's table: the columns of <c>service_records</c> as the SQLite migrations
/// (<c>*_ServiceRecords.cs</c> and those after it) create them, with its primary key but none of
/// its secondary indexes, check constraint or foreign keys, and rows holding what the gateway would
/// store for the same messages (a new record is never withdrawn: its withdrawal columns are null).
/// </summary>
public static class ServiceRecordRawTable
{
    public static readonly RawTable Table = new("service_records_raw", "Id",
    [
        new("Id", SqliteType.Text),
        new("RequestId", SqliteType.Blob),
        new("ContentHash", SqliteType.Blob),
        new("ClientId", SqliteType.Text),
        new("ServiceType", SqliteType.Text),
        new("ProviderCode", SqliteType.Text),
        new("FirstDay", SqliteType.Text),
        new("LastDay", SqliteType.Text),
        new("Quantity", SqliteType.Integer),
        new("Unit", SqliteType.Text),
        new("CostCents", SqliteType.Integer),
        new("FundingSource", SqliteType.Text),
        new("EsfProjectCode", SqliteType.Text, Nullable: true),
        new("RecordedByCode", SqliteType.Text),
        new("RecordTime", SqliteType.Text),
        new("WithdrawTime", SqliteType.Text, Nullable: true),
        new("WithdrawalReason", SqliteType.Text, Nullable: true),
        new("WithdrawnByCode", SqliteType.Text, Nullable: true),
    ]);

    /// <summary>The row the gateway would write for the message, in <see cref="Table"/>'s column order.</summary>
    public static object?[] Row(RecordServiceRequest request)
    {
        var provider = request.Provider["institutions/".Length..];
        var clientId = request.Client["clients/".Length..];
        var first = Day(request.FirstDay);
        var last = Day(request.LastDay);
        // EF Core stores DateTime in SQLite as this text; DateOnly as yyyy-MM-dd.
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        var canonical = string.Join('\n', clientId, (int)request.ServiceType, provider, first, last,
            request.Quantity, (int)request.Unit, request.Cost.EuroCents, (int)request.FundingSource, request.EsfProjectCode);
        return
        [
            Guid.CreateVersion7().ToString("D"),
            Guid.ParseExact(request.RequestId, "D").ToByteArray(bigEndian: true),
            SHA256.HashData(Encoding.UTF8.GetBytes(canonical)),
            clientId,
            "GroupHome",
            provider,
            first,
            last,
            request.Quantity,
            "Places",
            request.Cost.EuroCents,
            request.FundingSource == FundingSource.EsfProject ? "EsfProject" : "MunicipalBudget",
            request.EsfProjectCode.Length == 0 ? null : request.EsfProjectCode,
            ServiceRecordRequestFactory.Provider,
            now,
            null,
            null,
            null,
        ];
    }

    private static string Day(Google.Type.Date date) =>
        new DateOnly(date.Year, date.Month, date.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
