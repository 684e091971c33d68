using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProjectsAndRecipients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "esf_projects");

            migrationBuilder.AddColumn<string>(
                name: "ProjectCode",
                table: "service_records",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "none");

            migrationBuilder.AddColumn<string>(
                name: "RecipientKind",
                table: "service_records",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "Client");

            // Records stored before projects were judged by the general rules, or by Zemgale's ESF
            // project, the only one known then; every one was for the client in person.
            migrationBuilder.Sql("UPDATE service_records SET ProjectCode = 'esf-zemgale' WHERE EsfProjectCode = '9.2.2.1/15/I/001';");

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Definition = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects", x => x.Code);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "projects");

            // Dropped in place (SQLite's ALTER TABLE), not by EF Core's table rebuild, which switches
            // foreign keys off outside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE service_records DROP COLUMN ProjectCode;");
            migrationBuilder.Sql("ALTER TABLE service_records DROP COLUMN RecipientKind;");

            migrationBuilder.CreateTable(
                name: "esf_projects",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlanningRegionCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
    }
}
