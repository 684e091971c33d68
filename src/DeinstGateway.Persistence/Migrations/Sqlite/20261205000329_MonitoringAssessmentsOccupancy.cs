using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.Sqlite
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
                    InstitutionCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: false),
                    Residents = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclaredByCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DeclareTime = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    AssessmentDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssessorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProjectCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    PlannedServiceTypes = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResponsibleMunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedByCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestId = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    ContentHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false)
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
