namespace OvhCostManager.Core.Export;

/// <summary>A cell value of a CSV table: text, an exact number, or a date. Kept typed so each culture formats it.</summary>
public abstract record CsvCell
{
    public sealed record Text(string? Value) : CsvCell;

    public sealed record Number(decimal Value, int Decimals = 2) : CsvCell;

    public sealed record Date(DateOnly Value) : CsvCell;

    public static implicit operator CsvCell(string? value) => new Text(value);

    public static implicit operator CsvCell(decimal value) => new Number(value);

    public static implicit operator CsvCell(int value) => new Number(value, 0);

    public static implicit operator CsvCell(long value) => new Number(value, 0);

    public static implicit operator CsvCell(DateOnly value) => new Date(value);
}

/// <summary>What a table shows, in the order it shows it: headers already in the user's language.</summary>
public sealed record CsvTable(IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<CsvCell>> Rows);
