namespace OvhCostManager.Web;

/// <summary>Marker for the UI strings in <c>Resources/SharedResource*.resx</c> (French is the neutral language).</summary>
public sealed class SharedResource;
