using System.Net;
using System.Net.Sockets;

namespace KneeSpine.Web.Tests.Infrastructure;

/// <summary>
/// A TCP relay on 127.0.0.1 between the app and its database server, so a test can take the database away and bring it
/// back while the app runs: <see cref="Refuse"/> (the server is down: connections refused, open ones reset),
/// <see cref="Stall"/> (the server hangs: connections accepted, nothing answered) and <see cref="Restore"/>.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;
    private volatile bool _stalled;

    private TcpForwarder(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }

    public static TcpForwarder Start(string host, int port)
    {
        var target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var forwarder = new TcpForwarder(target, ((IPEndPoint)probe.LocalEndpoint).Port);
        probe.Stop();
        forwarder.Listen();
        return forwarder;
    }

    /// <summary>Like a database server that went down: new connections are refused and open ones are reset.</summary>
    public void Refuse()
    {
        _listener?.Stop();
        _listener = null;
        ResetOpenConnections();
    }

    /// <summary>Like a database server that hangs: connections are accepted but nothing goes through, either way.</summary>
    public void Stall() => _stalled = true;

    /// <summary>The database is back: connections are relayed again.</summary>
    public void Restore()
    {
        if (_stalled)
        {
            _stalled = false;
            ResetOpenConnections();
        }

        if (_listener is null)
        {
            Listen();
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        Refuse();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _ = AcceptAsync(listener);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException or OperationCanceledException)
            {
                return;
            }

            Track(client);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        try
        {
            if (_stalled)
            {
                // Hold the connection open and say nothing until it is reset.
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }

            await server.ConnectAsync(_target, _stop.Token);
            Track(server);
            var clientStream = client.GetStream();
            var serverStream = server.GetStream();
            await Task.WhenAny(PumpAsync(clientStream, serverStream), PumpAsync(serverStream, clientStream));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A cut, a reset or the end of the test.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            while (_stalled)
            {
                // Data arrives but is never passed on while the database "hangs".
                await Task.Delay(50, _stop.Token);
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    private void Track(TcpClient connection)
    {
        lock (_open)
        {
            _open.RemoveAll(c => c.Client is null || !c.Connected);
            _open.Add(connection);
        }
    }

    private void ResetOpenConnections()
    {
        lock (_open)
        {
            foreach (var connection in _open)
            {
                if (connection.Client is null)
                {
                    continue;
                }

                try
                {
                    // Linger 0: close with a reset, as when the server's host disappears.
                    connection.Client.LingerState = new LingerOption(true, 0);
                    connection.Dispose();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    // Already gone.
                }
            }

            _open.Clear();
        }
    }
}
