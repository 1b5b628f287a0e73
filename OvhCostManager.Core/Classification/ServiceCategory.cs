namespace OvhCostManager.Core.Classification;

/// <summary>What a bill line pays for, decided from its description (see <c>LineClassifier</c>).</summary>
public enum ServiceCategory
{
    Other = 0,
    Compute,
    Storage,
    Network,
    Database,
    AiMl,
    Licences,
    Backup,
    Support,
}
