using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "service_records",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    RequestKey = table.Column<string>(type: "TEXT", maxLength: 101, nullable: false),
                    ContentHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProviderCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CostCents = table.Column<long>(type: "INTEGER", nullable: false),
                    FundingSource = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    EsfProjectCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RecordedByCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordTime = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_records", x => x.Id);
                    table.CheckConstraint("CK_service_records_amounts", "Quantity > 0 AND CostCents >= 0");
                    table.ForeignKey(
                        name: "FK_service_records_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_service_records_institutions_ProviderCode",
                        column: x => x.ProviderCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_service_records_ClientId_ServiceType_FirstDay",
                table: "service_records",
                columns: new[] { "ClientId", "ServiceType", "FirstDay" });

            migrationBuilder.CreateIndex(
                name: "IX_service_records_ProviderCode_Id",
                table: "service_records",
                columns: new[] { "ProviderCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_service_records_RequestKey",
                table: "service_records",
                column: "RequestKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_records");
        }
    }
}
