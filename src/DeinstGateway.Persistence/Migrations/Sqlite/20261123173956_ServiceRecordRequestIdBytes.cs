using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceRecordRequestIdBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Added, filled and dropped in place (SQLite's ALTER TABLE), not by EF Core's table
            // rebuild, which must switch foreign keys off outside the transaction.
            migrationBuilder.AddColumn<byte[]>(
                name: "RequestId",
                table: "service_records",
                type: "BLOB",
                maxLength: 16,
                nullable: false,
                defaultValue: new byte[0]);

            // RequestKey was "{recordedbycode}|{request id}": the id's hex digits become its 16 bytes.
            migrationBuilder.Sql("UPDATE service_records SET RequestId = unhex(replace(substr(RequestKey, instr(RequestKey, '|') + 1), '-', ''));");
            migrationBuilder.DropIndex(name: "IX_service_records_RequestKey", table: "service_records");
            migrationBuilder.Sql("ALTER TABLE service_records DROP COLUMN RequestKey;");
            migrationBuilder.CreateIndex(
                name: "IX_service_records_RequestId_RecordedByCode",
                table: "service_records",
                columns: new[] { "RequestId", "RecordedByCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequestKey",
                table: "service_records",
                type: "TEXT",
                maxLength: 101,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(
                "UPDATE service_records SET RequestKey = RecordedByCode || '|' || lower(substr(hex(RequestId), 1, 8) || '-' || substr(hex(RequestId), 9, 4) || '-' || "
                + "substr(hex(RequestId), 13, 4) || '-' || substr(hex(RequestId), 17, 4) || '-' || substr(hex(RequestId), 21, 12));");
            migrationBuilder.DropIndex(name: "IX_service_records_RequestId_RecordedByCode", table: "service_records");
            migrationBuilder.Sql("ALTER TABLE service_records DROP COLUMN RequestId;");
            migrationBuilder.CreateIndex(
                name: "IX_service_records_RequestKey",
                table: "service_records",
                column: "RequestKey",
                unique: true);
        }
    }
}
