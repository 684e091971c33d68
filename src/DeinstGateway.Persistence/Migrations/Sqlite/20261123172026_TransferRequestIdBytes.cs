using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TransferRequestIdBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Added, filled and dropped in place (SQLite's ALTER TABLE), not by EF Core's table
            // rebuild, which must switch foreign keys off outside the transaction.
            migrationBuilder.AddColumn<byte[]>(
                name: "RequestId",
                table: "transfers",
                type: "BLOB",
                maxLength: 16,
                nullable: false,
                defaultValue: new byte[0]);

            // RequestKey was "{submittercode}|{request id}": the id's hex digits become its 16 bytes.
            migrationBuilder.Sql("UPDATE transfers SET RequestId = unhex(replace(substr(RequestKey, instr(RequestKey, '|') + 1), '-', ''));");
            migrationBuilder.DropIndex(name: "IX_transfers_RequestKey", table: "transfers");
            migrationBuilder.Sql("ALTER TABLE transfers DROP COLUMN RequestKey;");
            migrationBuilder.CreateIndex(
                name: "IX_transfers_RequestId_SubmitterCode",
                table: "transfers",
                columns: new[] { "RequestId", "SubmitterCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequestKey",
                table: "transfers",
                type: "TEXT",
                maxLength: 101,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(
                "UPDATE transfers SET RequestKey = SubmitterCode || '|' || lower(substr(hex(RequestId), 1, 8) || '-' || substr(hex(RequestId), 9, 4) || '-' || "
                + "substr(hex(RequestId), 13, 4) || '-' || substr(hex(RequestId), 17, 4) || '-' || substr(hex(RequestId), 21, 12));");
            migrationBuilder.DropIndex(name: "IX_transfers_RequestId_SubmitterCode", table: "transfers");
            migrationBuilder.Sql("ALTER TABLE transfers DROP COLUMN RequestId;");
            migrationBuilder.CreateIndex(
                name: "IX_transfers_RequestKey",
                table: "transfers",
                column: "RequestKey",
                unique: true);
        }
    }
}
