using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.Sqlite
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
                    ProviderCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FundingSource = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ProjectCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Records = table.Column<long>(type: "INTEGER", nullable: false),
                    CostHigh = table.Column<long>(type: "INTEGER", nullable: false),
                    CostLow = table.Column<long>(type: "INTEGER", nullable: false)
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
