using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_log",
                columns: table => new
                {
                    Position = table.Column<long>(type: "bigint", nullable: false),
                    Time = table.Column<DateTime>(type: "datetime2", nullable: false),
                    InstitutionCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    CertificateThumbprint = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Method = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ClientId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Purpose = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Outcome = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PreviousHash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    EntryHash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_log", x => x.Position);
                });

            migrationBuilder.CreateTable(
                name: "capacity_changes",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProviderCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ServiceType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_changes", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "clients",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false, collation: "Latin1_General_100_BIN2"),
                    PersonalCodeHash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    FormerPersonalCodeHash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: true),
                    ProtectedIdentity = table.Column<byte[]>(type: "varbinary(1024)", maxLength: 1024, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetGroup = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    CreateTime = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "institutions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    PlanningRegionCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    MunicipalityCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ParentCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Address = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    SuccessorCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    OfficialCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true, collation: "Latin1_General_100_BIN2"),
                    OfferedServices = table.Column<string>(type: "nvarchar(600)", maxLength: 600, nullable: true, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_institutions", x => x.Code);
                    table.ForeignKey(
                        name: "FK_institutions_institutions_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_institutions_institutions_ParentCode",
                        column: x => x.ParentCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_institutions_institutions_PlanningRegionCode",
                        column: x => x.PlanningRegionCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_institutions_institutions_SuccessorCode",
                        column: x => x.SuccessorCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_types",
                columns: table => new
                {
                    Type = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DisplayNameLv = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    DisplayNameEn = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Unit = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_types", x => x.Type);
                });

            migrationBuilder.CreateTable(
                name: "client_registrations",
                columns: table => new
                {
                    MunicipalityCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    RequestId = table.Column<byte[]>(type: "varbinary(16)", maxLength: 16, nullable: false),
                    ContentHash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    ClientId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false, collation: "Latin1_General_100_BIN2"),
                    CreateTime = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_client_registrations", x => new { x.MunicipalityCode, x.RequestId });
                    table.ForeignKey(
                        name: "FK_client_registrations_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "capacity_declarations",
                columns: table => new
                {
                    ProviderCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ServiceType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Places = table.Column<int>(type: "int", nullable: false),
                    DeclaredByCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    DeclareTime = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                name: "client_relations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ClientId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    InstitutionCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    TransferId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: true, collation: "Latin1_General_100_BIN2"),
                    SupportPlanId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_client_relations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_client_relations_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_client_relations_institutions_InstitutionCode",
                        column: x => x.InstitutionCode,
                        principalTable: "institutions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "esf_projects",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    PlanningRegionCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "provider_capacities",
                columns: table => new
                {
                    ProviderCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ServiceType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Reserved = table.Column<int>(type: "int", nullable: false),
                    Occupied = table.Column<int>(type: "int", nullable: false)
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
                name: "service_records",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false, collation: "Latin1_General_100_BIN2"),
                    RequestId = table.Column<byte[]>(type: "varbinary(16)", maxLength: 16, nullable: false),
                    ContentHash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    ClientId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ServiceType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ProviderCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Quantity = table.Column<long>(type: "bigint", nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CostCents = table.Column<long>(type: "bigint", nullable: false),
                    FundingSource = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    EsfProjectCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true, collation: "Latin1_General_100_BIN2"),
                    RecordedByCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    RecordTime = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WithdrawTime = table.Column<DateTime>(type: "datetime2", nullable: true),
                    WithdrawnByCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    WithdrawalReason = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "transfers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false, collation: "Latin1_General_100_BIN2"),
                    CaseNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    SourceCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    SourceParentCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    SubmitterCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    BusinessKey = table.Column<string>(type: "nvarchar(129)", maxLength: 129, nullable: false, collation: "Latin1_General_100_BIN2"),
                    RequestId = table.Column<byte[]>(type: "varbinary(16)", maxLength: 16, nullable: false),
                    ContentHash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    ClientId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ProtectedPerson = table.Column<byte[]>(type: "varbinary(1024)", maxLength: 1024, nullable: false),
                    PersonBirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetGroup = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    DestinationMunicipalityCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    DestinationRegionCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    RequestedServices = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    DestinationProviderCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    PlannedMoveDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SupportPlanReference = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RejectionReason = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    PlacesProviderCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdateTime = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                name: "service_limits",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ServiceType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    MinAgeYears = table.Column<int>(type: "int", nullable: true),
                    MaxAgeYears = table.Column<int>(type: "int", nullable: true),
                    MaxQuantity = table.Column<int>(type: "int", nullable: false),
                    QuantityUnit = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Period = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Description = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_limits", x => x.Code);
                    table.ForeignKey(
                        name: "FK_service_limits_service_types_ServiceType",
                        column: x => x.ServiceType,
                        principalTable: "service_types",
                        principalColumn: "Type",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "transfer_events",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TransferId = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false, collation: "Latin1_General_100_BIN2"),
                    FromState = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    ToState = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ActorCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Time = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RejectionReason = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                name: "IX_access_log_ClientId_Position",
                table: "access_log",
                columns: new[] { "ClientId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_client_registrations_ClientId",
                table: "client_registrations",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_client_relations_ClientId",
                table: "client_relations",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_client_relations_InstitutionCode_Kind_ClientId",
                table: "client_relations",
                columns: new[] { "InstitutionCode", "Kind", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_clients_FormerPersonalCodeHash",
                table: "clients",
                column: "FormerPersonalCodeHash",
                unique: true,
                filter: "FormerPersonalCodeHash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_clients_PersonalCodeHash",
                table: "clients",
                column: "PersonalCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_esf_projects_PlanningRegionCode",
                table: "esf_projects",
                column: "PlanningRegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_institutions_Kind",
                table: "institutions",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_institutions_MunicipalityCode",
                table: "institutions",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_institutions_ParentCode",
                table: "institutions",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_institutions_PlanningRegionCode",
                table: "institutions",
                column: "PlanningRegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_institutions_SuccessorCode",
                table: "institutions",
                column: "SuccessorCode");

            migrationBuilder.CreateIndex(
                name: "IX_service_limits_ServiceType",
                table: "service_limits",
                column: "ServiceType");

            migrationBuilder.CreateIndex(
                name: "IX_service_records_ClientId_ServiceType_FirstDay",
                table: "service_records",
                columns: new[] { "ClientId", "ServiceType", "FirstDay" });

            migrationBuilder.CreateIndex(
                name: "IX_service_records_Funding",
                table: "service_records",
                columns: new[] { "ProviderCode", "FirstDay", "FundingSource", "ServiceType", "EsfProjectCode", "CostCents", "Id", "WithdrawTime" },
                filter: "WithdrawTime IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_service_records_ProviderCode_Id",
                table: "service_records",
                columns: new[] { "ProviderCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_service_records_RequestId_RecordedByCode",
                table: "service_records",
                columns: new[] { "RequestId", "RecordedByCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_plans_ResponsibleMunicipalityCode",
                table: "support_plans",
                column: "ResponsibleMunicipalityCode");

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
                column: "DestinationProviderCode",
                filter: "DestinationProviderCode IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_transfers_DestinationRegionCode_Id",
                table: "transfers",
                columns: new[] { "DestinationRegionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_transfers_RequestId_SubmitterCode",
                table: "transfers",
                columns: new[] { "RequestId", "SubmitterCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transfers_SourceCode_Id",
                table: "transfers",
                columns: new[] { "SourceCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_transfers_SourceParentCode_Id",
                table: "transfers",
                columns: new[] { "SourceParentCode", "Id" },
                filter: "SourceParentCode IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_log");

            migrationBuilder.DropTable(
                name: "capacity_changes");

            migrationBuilder.DropTable(
                name: "capacity_declarations");

            migrationBuilder.DropTable(
                name: "client_registrations");

            migrationBuilder.DropTable(
                name: "client_relations");

            migrationBuilder.DropTable(
                name: "esf_projects");

            migrationBuilder.DropTable(
                name: "provider_capacities");

            migrationBuilder.DropTable(
                name: "service_limits");

            migrationBuilder.DropTable(
                name: "service_records");

            migrationBuilder.DropTable(
                name: "support_plans");

            migrationBuilder.DropTable(
                name: "transfer_events");

            migrationBuilder.DropTable(
                name: "service_types");

            migrationBuilder.DropTable(
                name: "transfers");

            migrationBuilder.DropTable(
                name: "clients");

            migrationBuilder.DropTable(
                name: "institutions");
        }
    }
}
