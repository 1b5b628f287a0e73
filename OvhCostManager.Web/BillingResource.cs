namespace OvhCostManager.Web;

/// <summary>Marker for the Pay-as-you-go, Inventory and Account strings in <c>Resources/BillingResource*.resx</c> (French is neutral).</summary>
public sealed class BillingResource;
