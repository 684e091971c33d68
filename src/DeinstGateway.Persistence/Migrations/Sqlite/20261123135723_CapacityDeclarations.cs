using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CapacityDeclarations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_provider_capacities_counts",
                table: "provider_capacities");

            migrationBuilder.DropColumn(
                name: "Places",
                table: "provider_capacities");

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

            migrationBuilder.AddCheckConstraint(
                name: "CK_provider_capacities_counts",
                table: "provider_capacities",
                sql: "Reserved >= 0 AND Occupied >= 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "capacity_declarations");

            migrationBuilder.DropCheckConstraint(
                name: "CK_provider_capacities_counts",
                table: "provider_capacities");

            migrationBuilder.AddColumn<int>(
                name: "Places",
                table: "provider_capacities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddCheckConstraint(
                name: "CK_provider_capacities_counts",
                table: "provider_capacities",
                sql: "Places >= 0 AND Reserved >= 0 AND Occupied >= 0");
        }
    }
}
