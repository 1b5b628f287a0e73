using System.Globalization;
using Microsoft.Extensions.Localization;

namespace OvhCostManager.Web.Components.Shared;

/// <summary>
/// A code as OVH sends it (<c>running</c>, <c>SHUTOFF</c>, <c>creditCard</c>, <c>PREPAID_ACCOUNT</c>…) in the reader's
/// language, from the resource <c>{prefix}{code in lower case}</c>; a code the resources do not know yet is shown as it
/// came, made readable ("in_progress" → "In progress", "bankAccount" → "Bank account").
/// </summary>
public static class CodeLabel
{
    public static string Of(IStringLocalizer localizer, string prefix, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "—";
        }

        var label = localizer[prefix + code.ToLowerInvariant()];
        return label.ResourceNotFound ? Readable(code) : label.Value;
    }

    public static string Readable(string code)
    {
        var spaced = new System.Text.StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c is '_' or '-')
            {
                spaced.Append(' ');
            }
            else
            {
                if (i > 0 && char.IsUpper(c) && char.IsLower(code[i - 1]))
                {
                    spaced.Append(' ');
                }

                spaced.Append(char.ToLowerInvariant(c));
            }
        }

        var words = spaced.ToString().Trim();
        return words.Length == 0 ? code : char.ToUpper(words[0], CultureInfo.CurrentCulture) + words[1..];
    }
}
