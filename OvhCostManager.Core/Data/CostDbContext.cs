using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data;

public sealed class CostDbContext(DbContextOptions<CostDbContext> options) : DbContext(options)
{
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<Bill> Bills => Set<Bill>();
    public DbSet<BillLine> BillLines => Set<BillLine>();
    public DbSet<CloudProject> CloudProjects => Set<CloudProject>();
    public DbSet<ConsumptionSnapshot> ConsumptionSnapshots => Set<ConsumptionSnapshot>();
    public DbSet<ConsumptionSnapshotItem> ConsumptionSnapshotItems => Set<ConsumptionSnapshotItem>();
    public DbSet<ConsumptionHistoryEntry> ConsumptionHistory => Set<ConsumptionHistoryEntry>();
    public DbSet<AccountBalanceSnapshot> AccountBalanceSnapshots => Set<AccountBalanceSnapshot>();
    public DbSet<CreditBalance> CreditBalances => Set<CreditBalance>();
    public DbSet<CreditMovement> CreditMovements => Set<CreditMovement>();
    public DbSet<DedicatedServer> DedicatedServers => Set<DedicatedServer>();
    public DbSet<Vps> Vps => Set<Vps>();
    public DbSet<NetAppStorage> NetAppStorages => Set<NetAppStorage>();
    public DbSet<CloudInstance> CloudInstances => Set<CloudInstance>();
    public DbSet<CloudQuota> CloudQuotas => Set<CloudQuota>();
    public DbSet<CloudProjectUsage> CloudProjectUsage => Set<CloudProjectUsage>();
    public DbSet<CloudVolume> CloudVolumes => Set<CloudVolume>();
    public DbSet<CloudVolumeSnapshot> CloudVolumeSnapshots => Set<CloudVolumeSnapshot>();
    public DbSet<CloudFailoverIp> CloudFailoverIps => Set<CloudFailoverIp>();
    public DbSet<CloudInstanceHours> CloudInstanceHours => Set<CloudInstanceHours>();
    public DbSet<CloudCatalogPrice> CloudCatalogPrices => Set<CloudCatalogPrice>();
    public DbSet<ServiceRenewal> ServiceRenewals => Set<ServiceRenewal>();
    public DbSet<CashMonthForecast> CashMonthForecasts => Set<CashMonthForecast>();
    public DbSet<AccountSettings> AccountSettings => Set<AccountSettings>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
    public DbSet<ResourceDay> ResourceDays => Set<ResourceDay>();
    public DbSet<BudgetRecord> Budgets => Set<BudgetRecord>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertDelivery> AlertDeliveries => Set<AlertDelivery>();
    public DbSet<AlertRead> AlertReads => Set<AlertRead>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CostDbContext).Assembly);
        modelBuilder.HasDbFunction(typeof(TextFunctions).GetMethod(nameof(TextFunctions.Fold))!).HasName(TextFunctions.FoldName);
        modelBuilder.HasDbFunction(typeof(MoneyQueryable).GetMethod(nameof(MoneyQueryable.UcentsOf))!)
            .HasTranslation(args => new SqlUnaryExpression(ExpressionType.Convert, args[0], typeof(long), new LongTypeMapping("INTEGER")));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; every instant is stored as UTC ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();

        // Money is an INTEGER of micro-cents: SUM() over it is an exact integer sum in SQL.
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        configurationBuilder.DefaultTypeMapping<Money>().HasConversion<MoneyConverter>();
    }
}
