using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.Sqlite
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
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    PlanId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResponsibleMunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AssessmentDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedServices = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false)
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
