using OvhCostManager.Simulator;

var port = args.Length > 0 && int.TryParse(args[0], out var p) ? p : 0;
await using var server = await SimulatorServer.StartAsync(port);
Console.WriteLine($"Simulated OVH API listening on {server.BaseUrl}");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
await stop.Task;
