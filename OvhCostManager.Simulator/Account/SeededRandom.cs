namespace OvhCostManager.Simulator;

/// <summary>Random streams derived from the seed and a purpose, stable across runs and processes (no string hash codes).</summary>
internal static class SeededRandom
{
    public static Random For(int seed, params int[] parts)
    {
        var state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);
        foreach (var part in parts)
        {
            state = Mix(state ^ unchecked((ulong)part * 0xBF58476D1CE4E5B9UL));
        }

        return new Random(unchecked((int)(state ^ (state >> 32))));
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static string Hex(this Random random, int length)
    {
        const string digits = "0123456789abcdef";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = digits[r.Next(16)];
        });
    }

    public static string Uuid(this Random random) =>
        $"{random.Hex(8)}-{random.Hex(4)}-4{random.Hex(3)}-{"89ab"[random.Next(4)]}{random.Hex(3)}-{random.Hex(12)}";

    /// <summary>A price in [min, max] with whole cents.</summary>
    public static decimal Euros(this Random random, decimal min, decimal max) =>
        decimal.Round(min + (max - min) * (decimal)random.NextDouble(), 2, MidpointRounding.AwayFromZero);
}
