using System.Net;
using System.Net.Sockets;

namespace KneeSpine.Cli.Tests.Processes;

internal static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 that was free a moment ago (the system picks it); <see cref="ServerProcess"/> starts again on another if it loses the race.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
