using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.ToTable("sign_in_sessions");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.UserName).HasMaxLength(200);
        builder.Property(s => s.ClientFingerprint).HasMaxLength(64);
        builder.HasIndex(s => s.ExpiresAtUtc);
    }
}
