using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OvhCostManager.Core.Data.Migrations
{
    public partial class CoveringMonthlySumsIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bill_lines_BillingMonth_Category",
                table: "bill_lines");

            migrationBuilder.CreateIndex(
                name: "IX_bill_lines_BillingMonth_Category_ResourceType_IsGpu_Total",
                table: "bill_lines",
                columns: new[] { "BillingMonth", "Category", "ResourceType", "IsGpu", "Total" });
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bill_lines_BillingMonth_Category_ResourceType_IsGpu_Total",
                table: "bill_lines");

            migrationBuilder.CreateIndex(
                name: "IX_bill_lines_BillingMonth_Category",
                table: "bill_lines",
                columns: new[] { "BillingMonth", "Category" });
        }
    }
}
