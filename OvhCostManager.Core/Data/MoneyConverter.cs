using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Data;

/// <summary>Stores <see cref="Money"/> as its micro-cents in an INTEGER column, so SQL SUM() and ORDER BY stay exact.</summary>
public sealed class MoneyConverter() : ValueConverter<Money, long>(
    money => money.Ucents,
    ucents => new Money(ucents));
