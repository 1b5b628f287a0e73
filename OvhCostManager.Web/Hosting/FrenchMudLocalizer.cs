using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace OvhCostManager.Web;

/// <summary>
/// MudBlazor's own texts (pager, filters, date picker…) in French from <c>Resources/MudResource.resx</c>; in English
/// MudBlazor keeps its built-in texts (a key this localizer does not find falls back to them).
/// </summary>
public sealed class FrenchMudLocalizer(IStringLocalizer<MudResource> french) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != Localization.DefaultCulture)
            {
                return new LocalizedString(key, key, resourceNotFound: true);
            }

            return french[key];
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = this[key];
            return text.ResourceNotFound ? text : new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, text.Value, arguments));
        }
    }
}
