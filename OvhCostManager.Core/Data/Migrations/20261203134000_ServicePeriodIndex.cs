using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OvhCostManager.Core.Data.Migrations
{
    /// <summary>The incurred lens looks up the lines whose service period covers a month.</summary>
    public partial class ServicePeriodIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_bill_lines_PeriodEnd_PeriodStart",
                table: "bill_lines",
                columns: new[] { "PeriodEnd", "PeriodStart" });
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bill_lines_PeriodEnd_PeriodStart",
                table: "bill_lines");
        }
    }
}
