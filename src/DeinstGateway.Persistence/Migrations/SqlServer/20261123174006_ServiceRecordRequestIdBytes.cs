using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ServiceRecordRequestIdBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "RequestId",
                table: "service_records",
                type: "varbinary(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: new byte[0]);

            // RequestKey was "{recorder}|{request id}": the id's hex digits become its 16 bytes.
            migrationBuilder.Sql("UPDATE [service_records] SET [RequestId] = CONVERT(varbinary(16), REPLACE(SUBSTRING([RequestKey], CHARINDEX('|', [RequestKey]) + 1, 36), '-', ''), 2);");

            migrationBuilder.DropIndex(
                name: "IX_service_records_RequestKey",
                table: "service_records");

            migrationBuilder.DropColumn(
                name: "RequestKey",
                table: "service_records");

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
                type: "nvarchar(101)",
                maxLength: 101,
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.Sql("UPDATE [service_records] SET [RequestKey] = [RecordedByCode] + N'|' + LOWER(STUFF(STUFF(STUFF(STUFF(CONVERT(nvarchar(32), [RequestId], 2), 21, 0, '-'), 17, 0, '-'), 13, 0, '-'), 9, 0, '-'));");

            migrationBuilder.DropIndex(
                name: "IX_service_records_RequestId_RecordedByCode",
                table: "service_records");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "service_records");

            migrationBuilder.CreateIndex(
                name: "IX_service_records_RequestKey",
                table: "service_records",
                column: "RequestKey",
                unique: true);
        }
    }
}
