namespace OvhCostManager.Web;

/// <summary>Marker type of <c>Resources/MudResource.resx</c>: French for MudBlazor's built-in texts.</summary>
public sealed class MudResource;
