using MudBlazor;

namespace OvhCostManager.Web.Components.Layout;

/// <summary>
/// The one palette of the dashboard, after the Pay-as-you-go page spec (the OVHcloud control panel's look): white cards
/// with a #E5E7EB border and 8 px radius, #0050D7 accent, #1F2937 text, #6B7280 secondary text. The dark palette keeps
/// the same contrast (every text pair ≥ 4.5:1). Components take colours from here (MudBlazor's CSS variables), never
/// write their own.
/// </summary>
public static class DashboardTheme
{
    /// <summary>Series colours of every chart: mid-tones that keep 3:1 against both the light and the dark surface.</summary>
    public static string[] ChartPalette { get; } =
        ["#0050D7", "#00838F", "#C2410C", "#7C3AED", "#BE185D", "#15803D", "#6B7280", "#0284C7", "#A16207", "#9333EA"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0050D7",
            PrimaryContrastText = "#FFFFFF",
            Secondary = "#374151",
            Tertiary = "#00838F",
            Info = "#0050D7",
            Success = "#047857",
            Warning = "#92400E",
            WarningContrastText = "#FFFFFF",
            Error = "#B91C1C",
            ErrorContrastText = "#FFFFFF",
            Background = "#F5F5F5",
            Surface = "#FFFFFF",
            AppbarBackground = "#FFFFFF",
            AppbarText = "#1F2937",
            TextPrimary = "#1F2937",
            TextSecondary = "#6B7280",
            TextDisabled = "#6B7280",
            ActionDefault = "#374151",
            LinesDefault = "#E5E7EB",
            LinesInputs = "#9CA3AF",
            TableLines = "#E5E7EB",
            Divider = "#E5E7EB",
            DividerLight = "#F3F4F6",
            HoverOpacity = 0.06,
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8AB4FF",
            PrimaryContrastText = "#0B1220",
            Secondary = "#D1D5DB",
            Tertiary = "#67D4DE",
            Info = "#8AB4FF",
            Success = "#6EE7B7",
            Warning = "#FCD34D",
            WarningContrastText = "#111827",
            Error = "#FCA5A5",
            ErrorContrastText = "#111827",
            Background = "#111827",
            Surface = "#1F2937",
            AppbarBackground = "#1F2937",
            AppbarText = "#F3F4F6",
            DrawerBackground = "#1F2937",
            TextPrimary = "#F3F4F6",
            TextSecondary = "#B6BCC6",
            TextDisabled = "#9CA3AF",
            ActionDefault = "#D1D5DB",
            LinesDefault = "#374151",
            LinesInputs = "#6B7280",
            TableLines = "#374151",
            Divider = "#374151",
            DividerLight = "#2B3544",
            HoverOpacity = 0.08,
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", AppbarHeight = "50px" },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
                FontSize = "0.875rem",
            },
            H1 = new H1Typography { FontSize = "24px", FontWeight = "600", LineHeight = "1.4", LetterSpacing = "0" },
            H2 = new H2Typography { FontSize = "15px", FontWeight = "700", LineHeight = "1.4", LetterSpacing = "0" },
            H3 = new H3Typography { FontSize = "14px", FontWeight = "600", LineHeight = "1.4", LetterSpacing = "0" },
        },
    };
}
