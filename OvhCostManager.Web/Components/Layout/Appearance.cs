namespace OvhCostManager.Web.Components.Layout;

/// <summary>The circuit's light/dark state, shared by the layout and its toggle.</summary>
public sealed class Appearance
{
    public bool IsDark { get; set; }
}
