using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TransfersAndCapacity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "capacity_changes",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProviderCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_changes", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "capacity_declarations",
                columns: table => new
                {
                    ProviderCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclaredByCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DeclareTime = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_declarations", x => new { x.ProviderCode, x.ServiceType, x.EffectiveFrom });
                    table.CheckConstraint("CK_capacity_declarations_places", "Places >= 0");
                    table.ForeignKey(
                        name: "FK_capacity_declarations_institutions_ProviderCode",
                        column: x => x.ProviderCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "clients",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    PersonalCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FormerPersonalCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ProtectedIdentity = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "provider_capacities",
                columns: table => new
                {
                    ProviderCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reserved = table.Column<int>(type: "INTEGER", nullable: false),
                    Occupied = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_capacities", x => new { x.ProviderCode, x.ServiceType });
                    table.CheckConstraint("CK_provider_capacities_counts", "Reserved >= 0 AND Occupied >= 0");
                    table.ForeignKey(
                        name: "FK_provider_capacities_institutions_ProviderCode",
                        column: x => x.ProviderCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourceParentCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SubmitterCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BusinessKey = table.Column<string>(type: "TEXT", maxLength: 129, nullable: false),
                    RequestKey = table.Column<string>(type: "TEXT", maxLength: 101, nullable: false),
                    ContentHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    DestinationMunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DestinationRegionCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RequestedServices = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DestinationProviderCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PlannedMoveDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SupportPlanReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PlacesProviderCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_transfers_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_transfers_institutions_DestinationMunicipalityCode",
                        column: x => x.DestinationMunicipalityCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_transfers_institutions_DestinationProviderCode",
                        column: x => x.DestinationProviderCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_transfers_institutions_SourceCode",
                        column: x => x.SourceCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfer_events",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TransferId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transfer_events", x => x.Sequence);
                    table.ForeignKey(
                        name: "FK_transfer_events_transfers_TransferId",
                        column: x => x.TransferId,
                        principalTable: "transfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_clients_FormerPersonalCodeHash",
                table: "clients",
                column: "FormerPersonalCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clients_PersonalCodeHash",
                table: "clients",
                column: "PersonalCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transfer_events_TransferId_Sequence",
                table: "transfer_events",
                columns: new[] { "TransferId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_transfers_BusinessKey",
                table: "transfers",
                column: "BusinessKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transfers_ClientId",
                table: "transfers",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_transfers_DestinationMunicipalityCode_Id",
                table: "transfers",
                columns: new[] { "DestinationMunicipalityCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_transfers_DestinationProviderCode",
                table: "transfers",
                column: "DestinationProviderCode");

            migrationBuilder.CreateIndex(
                name: "IX_transfers_DestinationRegionCode_Id",
                table: "transfers",
                columns: new[] { "DestinationRegionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_transfers_RequestKey",
                table: "transfers",
                column: "RequestKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transfers_SourceCode_Id",
                table: "transfers",
                columns: new[] { "SourceCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_transfers_SourceParentCode_Id",
                table: "transfers",
                columns: new[] { "SourceParentCode", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "capacity_changes");

            migrationBuilder.DropTable(
                name: "capacity_declarations");

            migrationBuilder.DropTable(
                name: "provider_capacities");

            migrationBuilder.DropTable(
                name: "transfer_events");

            migrationBuilder.DropTable(
                name: "transfers");

            migrationBuilder.DropTable(
                name: "clients");
        }
    }
}
