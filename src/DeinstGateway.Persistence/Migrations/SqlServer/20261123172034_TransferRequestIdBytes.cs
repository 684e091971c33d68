using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TransferRequestIdBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "RequestId",
                table: "transfers",
                type: "varbinary(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: new byte[0]);

            // RequestKey was "{submitter}|{request id}": the id's hex digits become its 16 bytes.
            migrationBuilder.Sql("UPDATE [transfers] SET [RequestId] = CONVERT(varbinary(16), REPLACE(SUBSTRING([RequestKey], CHARINDEX('|', [RequestKey]) + 1, 36), '-', ''), 2);");

            migrationBuilder.DropIndex(
                name: "IX_transfers_RequestKey",
                table: "transfers");

            migrationBuilder.DropColumn(
                name: "RequestKey",
                table: "transfers");

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
                type: "nvarchar(101)",
                maxLength: 101,
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.Sql("UPDATE [transfers] SET [RequestKey] = [SubmitterCode] + N'|' + LOWER(STUFF(STUFF(STUFF(STUFF(CONVERT(nvarchar(32), [RequestId], 2), 21, 0, '-'), 17, 0, '-'), 13, 0, '-'), 9, 0, '-'));");

            migrationBuilder.DropIndex(
                name: "IX_transfers_RequestId_SubmitterCode",
                table: "transfers");

            migrationBuilder.DropColumn(
                name: "RequestId",
                table: "transfers");

            migrationBuilder.CreateIndex(
                name: "IX_transfers_RequestKey",
                table: "transfers",
                column: "RequestKey",
                unique: true);
        }
    }
}
