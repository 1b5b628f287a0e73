namespace OvhCostManager.Web;

/// <summary>The light/dark choice: written by the header's toggle (<c>ocm.setTheme</c>), read at prerender.</summary>
public static class ThemeCookie
{
    public const string Name = "ocm-theme";
    public const string Dark = "dark";

    // "material-dark" is what v0.1 (Radzen) wrote: a reader who chose dark then keeps it.
    public static bool IsDark(HttpContext? http) => http?.Request.Cookies[Name] is Dark or "material-dark";
}
