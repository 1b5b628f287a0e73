namespace OvhCostManager.Core.Alerts;

/// <summary>Tells open pages that alerts were raised or read, so the header's unread count follows without a reload.</summary>
public sealed class AlertNotifier
{
    public event Func<Task>? Changed;

    internal async Task PublishAsync()
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Func<Task>>() ?? [])
        {
            try
            {
                await handler();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A closed circuit; its component unsubscribes when disposed.
            }
        }
    }
}
