using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProviderServicesAndEsfProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OfferedServices",
                table: "institutions",
                type: "TEXT",
                maxLength: 600,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "esf_projects",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlanningRegionCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_esf_projects", x => x.Code);
                    table.ForeignKey(
                        name: "FK_esf_projects_institutions_PlanningRegionCode",
                        column: x => x.PlanningRegionCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_esf_projects_PlanningRegionCode",
                table: "esf_projects",
                column: "PlanningRegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "esf_projects");

            migrationBuilder.DropColumn(
                name: "OfferedServices",
                table: "institutions");
        }
    }
}
