using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using DeinstGateway.Persistence.Database;
using DeinstGateway.Persistence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeinstGateway.Persistence.ServiceRecords;

/// <summary>
/// The standing (not withdrawn) records of one provider, first day, service, funding source and
/// project: how many and what they cost. Moved in the transaction of every record written or
/// withdrawn, so a funding report sums these rows (tens of thousands for a region-year) instead of
/// the records (millions at national scale).
/// </summary>
public sealed class ServiceRecordDayTotalRow
{
    /// <summary>
    /// The totals of the standing records, rebuilt from them: the migration that adds the table runs
    /// it, and so does anything that writes records without the gateway (the scale benchmark).
    /// Plain SQL both providers run.
    /// </summary>
    public const string RebuildSql = """
        DELETE FROM service_record_day_totals;
        INSERT INTO service_record_day_totals (ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode, Records, CostHigh, CostLow)
        SELECT ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode, COUNT(*), SUM(CostCents / 4294967296), SUM(CostCents % 4294967296)
        FROM service_records
        WHERE WithdrawTime IS NULL
        GROUP BY ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode;
        """;

    /// <summary>Costs are added as their high and low 32 bits (see <see cref="CostHigh"/>).</summary>
    public const long CostSplit = 1L << 32;

    public required string ProviderCode { get; set; }

    public DateOnly FirstDay { get; set; }

    public ServiceType ServiceType { get; set; }

    public FundingSource FundingSource { get; set; }

    public required string ProjectCode { get; set; }

    public long Records { get; set; }

    /// <summary>
    /// The sum of the records' costs divided by <see cref="CostSplit"/>, and with <see cref="CostLow"/>
    /// the sum of the remainders: neither sum can overflow 64 bits below 2³¹ records.
    /// </summary>
    public long CostHigh { get; set; }

    public long CostLow { get; set; }
}

internal sealed class ServiceRecordDayTotalConfiguration : IEntityTypeConfiguration<ServiceRecordDayTotalRow>
{
    public void Configure(EntityTypeBuilder<ServiceRecordDayTotalRow> builder)
    {
        builder.ToTable("service_record_day_totals");
        builder.HasKey(t => new { t.ProviderCode, t.FirstDay, t.ServiceType, t.FundingSource, t.ProjectCode });
        builder.Property(t => t.ProviderCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(t => t.ServiceType).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.FundingSource).HasConversion<string>().HasMaxLength(24);
        builder.Property(t => t.ProjectCode).HasMaxLength(InstitutionConfiguration.CodeLength);
    }
}

/// <summary>One line of a funding report as the database sums it: count and cost (high and low parts, as in the day totals).</summary>
public sealed class FundingLineSums
{
    public ServiceType ServiceType { get; init; }

    public FundingSource FundingSource { get; init; }

    public required string ProjectCode { get; init; }

    public long Records { get; init; }

    public long CostHigh { get; init; }

    public long CostLow { get; init; }
}

/// <summary>A funding report's sums, read from the day totals instead of the records.</summary>
public static class FundingTotalsQuery
{
    /// <summary>The report's lines, summed in the database from the day totals; lines whose records were all withdrawn are left out.</summary>
    public static IQueryable<FundingLineSums> Lines(
        GatewayDbContext db, IReadOnlyCollection<string> providerCodes, DateOnly from, DateOnly until, string? projectCode)
    {
        var providers = providerCodes.ToList();
        var days = db.ServiceRecordDayTotals.AsNoTracking()
            .Where(t => providers.Contains(t.ProviderCode) && t.FirstDay >= from && t.FirstDay < until);
        if (projectCode is not null)
        {
            days = days.Where(t => t.ProjectCode == projectCode);
        }

        return days
            .GroupBy(t => new { t.ServiceType, t.FundingSource, t.ProjectCode })
            .Select(g => new FundingLineSums
            {
                ServiceType = g.Key.ServiceType,
                FundingSource = g.Key.FundingSource,
                ProjectCode = g.Key.ProjectCode,
                Records = g.Sum(t => t.Records),
                CostHigh = g.Sum(t => t.CostHigh),
                CostLow = g.Sum(t => t.CostLow),
            })
            .Where(g => g.Records > 0);
    }
}

/// <summary>
/// What one transaction adds to or takes from the day totals, summed per row in memory and written
/// before it commits: a batch of hundreds of records moves a handful of rows.
/// </summary>
internal sealed class DayTotalChanges
{
    private readonly Dictionary<(string Provider, DateOnly FirstDay, ServiceType Service, FundingSource Source, string Project), (long Records, long High, long Low)> _changes = [];

    public void Add(ServiceRecord record) => Change(record, 1);

    public void Remove(ServiceRecord record) => Change(record, -1);

    private void Change(ServiceRecord record, int sign)
    {
        var key = (record.ProviderCode, record.Period.FirstDay, record.ServiceType, record.FundingSource, record.ProjectCode);
        var sum = _changes.GetValueOrDefault(key);
        _changes[key] = (sum.Records + sign, sum.High + sign * (record.CostCents / ServiceRecordDayTotalRow.CostSplit), sum.Low + sign * (record.CostCents % ServiceRecordDayTotalRow.CostSplit));
    }

    /// <summary>Writes the changes inside the caller's open transaction (writers hold the write lock, so SQL Server's update-then-insert cannot race).</summary>
    public async Task WriteAsync(GatewayDbContext db, CancellationToken cancellationToken)
    {
        foreach (var ((provider, firstDay, service, source, project), (records, high, low)) in _changes)
        {
            var serviceName = service.ToString();
            var sourceName = source.ToString();
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO service_record_day_totals (ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode, Records, CostHigh, CostLow)
                    VALUES ({provider}, {firstDay}, {serviceName}, {sourceName}, {project}, {records}, {high}, {low})
                    ON CONFLICT (ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode)
                    DO UPDATE SET Records = Records + excluded.Records, CostHigh = CostHigh + excluded.CostHigh, CostLow = CostLow + excluded.CostLow
                    """, cancellationToken);
            }
            else
            {
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE service_record_day_totals SET Records = Records + {records}, CostHigh = CostHigh + {high}, CostLow = CostLow + {low}
                    WHERE ProviderCode = {provider} AND FirstDay = {firstDay} AND ServiceType = {serviceName} AND FundingSource = {sourceName} AND ProjectCode = {project};
                    IF @@ROWCOUNT = 0
                        INSERT INTO service_record_day_totals (ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode, Records, CostHigh, CostLow)
                        VALUES ({provider}, {firstDay}, {serviceName}, {sourceName}, {project}, {records}, {high}, {low});
                    """, cancellationToken);
            }
        }

        _changes.Clear();
    }
}
