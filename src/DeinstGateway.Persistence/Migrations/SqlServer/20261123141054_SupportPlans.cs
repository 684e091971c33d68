using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SupportPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "support_plans",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false, collation: "Latin1_General_100_BIN2"),
                    PlanId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ResponsibleMunicipalityCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    AssessmentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedServices = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Version = table.Column<int>(type: "int", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_plans", x => new { x.ClientId, x.PlanId });
                    table.ForeignKey(
                        name: "FK_support_plans_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_support_plans_institutions_ResponsibleMunicipalityCode",
                        column: x => x.ResponsibleMunicipalityCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_support_plans_ResponsibleMunicipalityCode",
                table: "support_plans",
                column: "ResponsibleMunicipalityCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "support_plans");
        }
    }
}
