using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MonitoringAssessmentsOccupancy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "institution_occupancy",
                columns: table => new
                {
                    InstitutionCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Places = table.Column<int>(type: "int", nullable: false),
                    Residents = table.Column<int>(type: "int", nullable: false),
                    DeclaredByCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    DeclareTime = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_institution_occupancy", x => new { x.InstitutionCode, x.EffectiveFrom });
                    table.CheckConstraint("CK_institution_occupancy_counts", "Places >= 0 AND Residents >= 0");
                    table.ForeignKey(
                        name: "FK_institution_occupancy_institutions_InstitutionCode",
                        column: x => x.InstitutionCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "needs_assessments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ClientId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false, collation: "Latin1_General_100_BIN2"),
                    AssessmentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AssessorCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ProjectCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Outcome = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    PlannedServiceTypes = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ResponsibleMunicipalityCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    RecordedByCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    RequestId = table.Column<byte[]>(type: "varbinary(16)", maxLength: 16, nullable: false),
                    ContentHash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    CreateTime = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_needs_assessments_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_needs_assessments_institutions_AssessorCode",
                        column: x => x.AssessorCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_needs_assessments_AssessmentDate",
                table: "needs_assessments",
                column: "AssessmentDate");

            migrationBuilder.CreateIndex(
                name: "IX_needs_assessments_AssessorCode",
                table: "needs_assessments",
                column: "AssessorCode");

            migrationBuilder.CreateIndex(
                name: "IX_needs_assessments_ClientId_AssessmentDate_Id",
                table: "needs_assessments",
                columns: new[] { "ClientId", "AssessmentDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_needs_assessments_RecordedByCode_RequestId",
                table: "needs_assessments",
                columns: new[] { "RecordedByCode", "RequestId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "institution_occupancy");

            migrationBuilder.DropTable(
                name: "needs_assessments");
        }
    }
}
