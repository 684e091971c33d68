using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.SqlServer
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
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "none",
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "RecipientKind",
                table: "service_records",
                type: "nvarchar(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "Client");

            // Records stored before projects were judged by the general rules, or by Zemgale's ESF
            // project, the only one known then; every one was for the client in person.
            migrationBuilder.Sql("UPDATE [service_records] SET [ProjectCode] = 'esf-zemgale' WHERE [EsfProjectCode] = '9.2.2.1/15/I/001';");

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Definition = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Latin1_General_100_BIN2")
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

            migrationBuilder.DropColumn(
                name: "ProjectCode",
                table: "service_records");

            migrationBuilder.DropColumn(
                name: "RecipientKind",
                table: "service_records");

            migrationBuilder.CreateTable(
                name: "esf_projects",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    PlanningRegionCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Start = table.Column<DateOnly>(type: "date", nullable: false)
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
