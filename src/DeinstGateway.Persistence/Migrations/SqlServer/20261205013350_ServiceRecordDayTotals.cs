using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ServiceRecordDayTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "service_record_day_totals",
                columns: table => new
                {
                    ProviderCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    ServiceType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    FundingSource = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    ProjectCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Records = table.Column<long>(type: "bigint", nullable: false),
                    CostHigh = table.Column<long>(type: "bigint", nullable: false),
                    CostLow = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_record_day_totals", x => new { x.ProviderCode, x.FirstDay, x.ServiceType, x.FundingSource, x.ProjectCode });
                });

            // The totals of the records stored before the table existed.
            migrationBuilder.Sql(ServiceRecords.ServiceRecordDayTotalRow.RebuildSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_record_day_totals");
        }
    }
}
