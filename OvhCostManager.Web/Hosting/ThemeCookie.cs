namespace OvhCostManager.Web;

/// <summary>The light/dark choice, kept by Radzen's cookie theme service and read at prerender so the page never flashes.</summary>
public static class ThemeCookie
{
    public const string Name = "ocm-theme";
    public const string DefaultTheme = "material";
    private static readonly HashSet<string> Known = ["material", "material-dark"];

    public static string Read(HttpContext? http) =>
        http?.Request.Cookies[Name] is { } theme && Known.Contains(theme) ? theme : DefaultTheme;
}
