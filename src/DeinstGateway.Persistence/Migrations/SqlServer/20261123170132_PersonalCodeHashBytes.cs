using System.Globalization;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PersonalCodeHashBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            Replace(migrationBuilder, "varbinary(32)", "CONVERT(varbinary(32), [{0}], 2)");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            Replace(migrationBuilder, "nvarchar(64) COLLATE Latin1_General_100_BIN2", "CONVERT(nvarchar(64), [{0}], 2)");

        /// <summary>
        /// SQL Server changes text to varbinary (and back) only by explicit conversion: each hash
        /// column is replaced by a new one holding the converted values, then the indexes return.
        /// </summary>
        private static void Replace(MigrationBuilder migrationBuilder, string type, string conversion)
        {
            migrationBuilder.DropIndex(name: "IX_clients_PersonalCodeHash", table: "clients");
            migrationBuilder.DropIndex(name: "IX_clients_FormerPersonalCodeHash", table: "clients");
            foreach (var column in new[] { "PersonalCodeHash", "FormerPersonalCodeHash" })
            {
                migrationBuilder.Sql($"ALTER TABLE [clients] ADD [{column}New] {type} NULL;");
                migrationBuilder.Sql($"UPDATE [clients] SET [{column}New] = {string.Format(CultureInfo.InvariantCulture, conversion, column)};");
                migrationBuilder.DropColumn(name: column, table: "clients");
                migrationBuilder.RenameColumn(name: column + "New", table: "clients", newName: column);
            }

            migrationBuilder.Sql($"ALTER TABLE [clients] ALTER COLUMN [PersonalCodeHash] {type} NOT NULL;");
            migrationBuilder.CreateIndex(name: "IX_clients_PersonalCodeHash", table: "clients", column: "PersonalCodeHash", unique: true);
            migrationBuilder.CreateIndex(
                name: "IX_clients_FormerPersonalCodeHash",
                table: "clients",
                column: "FormerPersonalCodeHash",
                unique: true,
                filter: "FormerPersonalCodeHash IS NOT NULL");
        }
    }
}
