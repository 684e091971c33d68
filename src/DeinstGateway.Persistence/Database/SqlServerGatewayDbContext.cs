using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Database;

public sealed class SqlServerGatewayDbContext(DbContextOptions<SqlServerGatewayDbContext> options) : GatewayDbContext(options)
{
    /// <summary>
    /// SQLite compares text by code point; SQL Server's default collations ignore case and treat
    /// hyphens specially. Binary collation everywhere gives both providers the same ordering and
    /// equality, which keyset paging and unique keys depend on.
    /// </summary>
    public const string OrdinalCollation = "Latin1_General_100_BIN2";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<string>().UseCollation(OrdinalCollation);
}
