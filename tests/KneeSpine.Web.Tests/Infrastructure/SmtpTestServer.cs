using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace KneeSpine.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server process for tests: <c>smtp_test_server.py</c> on Debian's python3-aiosmtpd, on a free port of
/// 127.0.0.1, saving every accepted message to a folder that <see cref="Messages"/> reads. A test can take it down
/// (<see cref="Stop"/>, <see cref="StartAgainAsync"/> on the same port), make it refuse (<see cref="Reject"/>: 550 for
/// every recipient) or hang (<see cref="Stall"/>: connections accepted, nothing answered), and <see cref="Accept"/> again.
/// Recipients whose address starts with <c>stall</c> always hang, for one stuck message among good ones.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    public const string From = "kneespine@clinic.test";

    /// <summary>Debian's interpreter, which has python3-aiosmtpd (a python3 earlier on PATH may not).</summary>
    private const string Python = "/usr/bin/python3";

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly string _folder;
    private Process? _process;

    private SmtpTestServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The app's settings for this server: plain SMTP on 127.0.0.1, no sign-in, a short timeout.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["KneeSpine:Notifications:Smtp:Host"] = "127.0.0.1",
        ["KneeSpine:Notifications:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["KneeSpine:Notifications:Smtp:UseTls"] = "false",
        ["KneeSpine:Notifications:Smtp:From"] = From,
        // Short, so a hung server costs a test little; generous enough for a busy machine.
        ["KneeSpine:Notifications:Smtp:Timeout"] = "00:00:05",
    };

    public static async Task<SmtpTestServer> StartAsync()
    {
        var server = new SmtpTestServer(Directory.CreateTempSubdirectory("kneespine-smtp-").FullName, FreePort());
        try
        {
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        [.. new DirectoryInfo(_folder).GetFiles("*.eml").OrderBy(f => f.CreationTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.FullName))];

    /// <summary>The raw bytes of every message received, for checking what must never be in an email.</summary>
    public IReadOnlyList<string> RawMessages =>
        [.. new DirectoryInfo(_folder).GetFiles("*.eml").Select(f => File.ReadAllText(f.FullName))];

    /// <summary>Waits (polling, generously) until at least <paramref name="count"/> messages arrived, and returns them all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan? limit = null)
    {
        var until = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var messages = Messages;
            if (messages.Count >= count)
            {
                return messages;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The test SMTP server received {messages.Count} of {count} messages.");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public void Accept() => SetMode("accept");

    public void Reject() => SetMode("reject");

    public void Stall() => SetMode("stall");

    /// <summary>The server goes down: the process is killed and the port refuses connections.</summary>
    public void Stop()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts the server process (again) on the same port and waits until it greets.</summary>
    public async Task StartAgainAsync()
    {
        Stop();
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_test_server.py");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(_folder);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + Python);
        var errors = _process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(StartLimit);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        if (line != "ready")
        {
            Stop();
            throw new InvalidOperationException(
                $"The test SMTP server did not start (is python3-aiosmtpd installed? ./test.sh installs it): {(errors.IsCompleted ? await errors : "no answer")}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await Task.Yield();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void SetMode(string mode) => File.WriteAllText(Path.Combine(_folder, "mode"), mode);

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
