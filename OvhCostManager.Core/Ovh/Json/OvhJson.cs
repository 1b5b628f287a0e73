using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OvhCostManager.Core.Ovh.Json;

/// <summary>
/// The serializer settings every OVH response is read with. OVH schemas drift per section file, so reading is
/// deliberately forgiving: unknown fields are ignored, a missing or <c>null</c> field leaves the model's default,
/// numbers may arrive as strings, and amounts are read as <see cref="decimal"/> straight from the JSON text.
/// </summary>
public static class OvhJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { IgnoreNullForNonNullableMembers } },
        };
        options.Converters.Add(new ExactDecimalConverter());
        options.Converters.Add(new LenientStringConverter());
        options.Converters.Add(new LenientDateOnlyConverter());
        options.Converters.Add(new LenientDateTimeOffsetConverter());
        options.Converters.Add(new OpenEnumConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// OVH sends <c>null</c> for fields its schema says cannot be null often enough that honouring it would either throw
    /// (value types) or leak nulls into non-nullable properties. A null is therefore skipped for such members, which keep
    /// their initialiser (<c>""</c>, <c>[]</c>, 0).
    /// </summary>
    private static void IgnoreNullForNonNullableMembers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var nullability = new NullabilityInfoContext();
        foreach (var property in typeInfo.Properties)
        {
            if (property.Set is not { } set || property.AttributeProvider is not PropertyInfo member)
            {
                continue;
            }

            var type = property.PropertyType;
            if (type.IsValueType)
            {
                if (Nullable.GetUnderlyingType(type) is not null)
                {
                    continue;
                }

                var converter = property.CustomConverter ?? typeInfo.Options.GetConverter(type);
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(
                    typeof(NullAsDefaultConverter<>).MakeGenericType(type), converter)!;
                continue;
            }

            if (nullability.Create(member).WriteState == NullabilityState.NotNull)
            {
                property.Set = (target, value) =>
                {
                    if (value is not null)
                    {
                        set(target, value);
                    }
                };
            }
        }
    }

    private sealed class NullAsDefaultConverter<T>(JsonConverter inner) : JsonConverter<T>
    {
        private readonly JsonConverter<T> _inner = (JsonConverter<T>)inner;

        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return default!;
            }

            // Calling a built-in converter directly bypasses JsonNumberHandling, so numbers sent as strings are parsed here.
            if (reader.TokenType == JsonTokenType.String && NumberFromString(reader.GetString()) is T number)
            {
                return number;
            }

            return _inner.Read(ref reader, typeToConvert, options)!;
        }

        private static object? NumberFromString(string? text)
        {
            object? value = typeof(T) == typeof(long) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l
                : typeof(T) == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i
                : typeof(T) == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
                : typeof(T) == typeof(bool) && bool.TryParse(text, out var b) ? b
                : null;
            return value;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            _inner.Write(writer, value, options);
    }
}

/// <summary>Reads a JSON number as <see cref="decimal"/> from its exact text (never through double); accepts numeric strings.</summary>
public sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var value))
                {
                    return value;
                }

                break;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return 0m;
                }

                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                break;
            case JsonTokenType.Null:
                return 0m;
            default:
                break;
        }

        throw new JsonException($"Expected a decimal amount, got {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <summary>Strings that OVH sometimes sends as numbers or booleans (e.g. a bill line's <c>quantity</c>) are kept as their text.</summary>
public sealed class LenientStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a string, got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>OVH <c>date</c> fields (<c>YYYY-MM-DD</c>); a full datetime is accepted and its own calendar date kept.</summary>
public sealed class LenientDateOnlyConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment))
        {
            return DateOnly.FromDateTime(moment.DateTime);
        }

        throw new JsonException($"'{text}' is not a date.");
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <summary>OVH <c>datetime</c> fields keep the offset OVH sent; a bare date is read as midnight UTC.</summary>
public sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return moment;
        }

        throw new JsonException($"'{text}' is not a date and time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
}

/// <summary>
/// OVH enums are open: a value added to the API after this build must not break reading. Names match ignoring case,
/// dashes and underscores (<c>purchase-cloud</c> → <c>PurchaseCloud</c>); anything else becomes the enum's <c>Unknown</c> member.
/// </summary>
public sealed class OpenEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum && Enum.IsDefined(typeToConvert, "Unknown");

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OpenEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class OpenEnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly Dictionary<string, TEnum> ByKey = Enum.GetValues<TEnum>()
            .ToDictionary(value => Key(value.ToString()), StringComparer.Ordinal);

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => reader.GetInt64().ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            return text is not null && ByKey.TryGetValue(Key(text), out var value) ? value : Enum.Parse<TEnum>("Unknown");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

        private static string Key(string name) => name.Replace("-", "", StringComparison.Ordinal)
            .Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
    }
}

/// <summary>
/// Public Cloud <c>billingView</c> amounts are mostly bare numbers, but a few are <c>order.Price</c> objects; both read as the decimal amount.
/// </summary>
public sealed class NumberOrPriceConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return new ExactDecimalConverter().Read(ref reader, typeToConvert, options);
        }

        var price = JsonSerializer.Deserialize<Models.OvhPrice>(ref reader, options);
        return price?.Money.Amount ?? 0m;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
