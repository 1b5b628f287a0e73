using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OvhCostManager.Core.Data;

/// <summary>Used only when scaffolding migrations (<c>ocm dev add-migration</c>).</summary>
internal sealed class DesignTimeCostDbContextFactory : IDesignTimeDbContextFactory<CostDbContext>
{
    public CostDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CostDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
