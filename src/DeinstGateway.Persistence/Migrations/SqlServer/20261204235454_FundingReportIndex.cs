using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FundingReportIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_service_records_Funding",
                table: "service_records",
                columns: new[] { "ProviderCode", "FirstDay", "FundingSource", "ServiceType", "ProjectCode", "CostCents", "Id", "WithdrawTime" },
                filter: "WithdrawTime IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_service_records_Funding",
                table: "service_records");
        }
    }
}
