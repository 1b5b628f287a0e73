using System.Net;
using System.Net.Sockets;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// A loopback port nobody listens on, for a server a test starts. Taken below Linux's ephemeral range (32768–60999):
/// a port the OS handed out would be free again once probed, and the many outgoing connections of a test run draw
/// their local ports from that range, so one of them could take it before the server listens.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: try another
            }
        }

        throw new InvalidOperationException("No free loopback port between 20000 and 32000.");
    }
}
