using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OvhCostManager.Core.Data.Migrations
{
    /// <summary>Renewal prices of <c>/services</c>, unpaid bills' due dates and the cash calendar's kept month forecasts.</summary>
    public partial class CashCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RenewalCurrency",
                table: "service_renewals",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RenewalPrice",
                table: "service_renewals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DueDateUtc",
                table: "bills",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cash_month_forecasts",
                columns: table => new
                {
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ComputedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Renewals = table.Column<long>(type: "INTEGER", nullable: false),
                    Consumption = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalWithoutTax = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalWithTax = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cash_month_forecasts", x => x.Month);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cash_month_forecasts");

            migrationBuilder.DropColumn(
                name: "RenewalCurrency",
                table: "service_renewals");

            migrationBuilder.DropColumn(
                name: "RenewalPrice",
                table: "service_renewals");

            migrationBuilder.DropColumn(
                name: "DueDateUtc",
                table: "bills");
        }
    }
}
