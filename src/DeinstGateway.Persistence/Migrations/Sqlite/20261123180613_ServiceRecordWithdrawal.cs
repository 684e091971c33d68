using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceRecordWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nullable columns without a default: SQLite adds them in place, existing records
            // read as standing (not withdrawn).
            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawTime",
                table: "service_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "service_records",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnByCode",
                table: "service_records",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Dropped in place (SQLite's ALTER TABLE), not by EF Core's table rebuild, which must
            // switch foreign keys off outside the transaction.
            migrationBuilder.Sql("ALTER TABLE service_records DROP COLUMN WithdrawTime;");
            migrationBuilder.Sql("ALTER TABLE service_records DROP COLUMN WithdrawalReason;");
            migrationBuilder.Sql("ALTER TABLE service_records DROP COLUMN WithdrawnByCode;");
        }
    }
}
