using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OvhCostManager.Core.Data;

/// <summary>Stores an instant as UTC ticks so SQLite can sort and compare it; reads it back at offset zero.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
