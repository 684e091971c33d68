using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_transfers_DestinationProviderCode",
                table: "transfers");

            migrationBuilder.DropIndex(
                name: "IX_transfers_SourceParentCode_Id",
                table: "transfers");

            migrationBuilder.DropIndex(
                name: "IX_clients_FormerPersonalCodeHash",
                table: "clients");

            migrationBuilder.CreateIndex(
                name: "IX_transfers_DestinationProviderCode",
                table: "transfers",
                column: "DestinationProviderCode",
                filter: "DestinationProviderCode IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_transfers_SourceParentCode_Id",
                table: "transfers",
                columns: new[] { "SourceParentCode", "Id" },
                filter: "SourceParentCode IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_clients_FormerPersonalCodeHash",
                table: "clients",
                column: "FormerPersonalCodeHash",
                unique: true,
                filter: "FormerPersonalCodeHash IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_transfers_DestinationProviderCode",
                table: "transfers");

            migrationBuilder.DropIndex(
                name: "IX_transfers_SourceParentCode_Id",
                table: "transfers");

            migrationBuilder.DropIndex(
                name: "IX_clients_FormerPersonalCodeHash",
                table: "clients");

            migrationBuilder.CreateIndex(
                name: "IX_transfers_DestinationProviderCode",
                table: "transfers",
                column: "DestinationProviderCode");

            migrationBuilder.CreateIndex(
                name: "IX_transfers_SourceParentCode_Id",
                table: "transfers",
                columns: new[] { "SourceParentCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_clients_FormerPersonalCodeHash",
                table: "clients",
                column: "FormerPersonalCodeHash",
                unique: true,
                filter: "[FormerPersonalCodeHash] IS NOT NULL");
        }
    }
}
