using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Cli.Tests.Processes;

/// <summary>
/// The real <c>kneespine serve</c> as a child process on a free 127.0.0.1 port, over a <see cref="TestDatabase"/>.
/// Its output is kept for failure messages and written to the test output on dispose; dispose kills it if it still runs,
/// so no test leaves a server behind.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "long enough admin password";

    // Generous: a start on a busy machine (migrations, key ring, JIT) can take minutes; a server that never gets ready still fails.
    private static readonly TimeSpan ReadyTimeout = Progress.Ceiling;
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _name;

    private ServerProcess(Process process, Uri address, string name)
    {
        _process = process;
        BaseAddress = address;
        _name = name;
    }

    public Uri BaseAddress { get; }

    /// <summary>The operating system's id of the server process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Everything the server wrote so far, standard output and error interleaved.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The variables that point a <c>kneespine</c> process at <paramref name="database"/> (with <c>--data</c> for the directory).</summary>
    public static Dictionary<string, string> EnvironmentFor(TestDatabase database, bool withAdmin = false)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            environment["KneeSpine__Database__Provider"] = "postgres";
            environment["KneeSpine__Database__ConnectionString"] = database.ConnectionString;
        }

        if (withAdmin)
        {
            environment["KNEESPINE_ADMIN_EMAIL"] = AdminEmail;
            environment["KNEESPINE_ADMIN_PASSWORD"] = AdminPassword;
        }

        return environment;
    }

    /// <summary>Starts the server and waits (bounded) until <c>/health/ready</c> answers 200.</summary>
    public static Task<ServerProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? environment = null, string name = "server") =>
        StartAsync(() => Launch(database, environment, name));

    /// <summary>Starts any <c>kneespine</c> executable (a published folder, a release archive) from its start info for an address, and waits as above.</summary>
    public static Task<ServerProcess> StartAsync(Func<Uri, ProcessStartInfo> startInfo, string name) =>
        StartAsync(() => Launch(startInfo, name));

    private static async Task<ServerProcess> StartAsync(Func<ServerProcess> launch)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = launch();
            try
            {
                await server.WaitUntilReadyAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.Log.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Another process took the free port between our look and the bind.
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>A personal access token for the first admin (<see cref="EnvironmentFor"/> with the admin), made by the real <c>kneespine token create</c>.</summary>
    public static async Task<string> CreateAdminTokenAsync(TestDatabase database)
    {
        var (code, output, error) = await KneeSpineExecutable.RunAsync(
            null, EnvironmentFor(database), "token", "create", "--user", AdminEmail, "--data", database.DataDirectory);
        Assert.True(code == 0, $"token create exited {code}: {error}");
        return output.Trim();
    }

    /// <summary>Starts the server without waiting, so several can start at the same moment; then <see cref="WaitUntilReadyAsync"/>.</summary>
    public static ServerProcess Launch(TestDatabase database, IReadOnlyDictionary<string, string>? environment = null, string name = "server")
    {
        var variables = EnvironmentFor(database);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        return Launch(address => KneeSpineExecutable.StartInfo(["serve", "--urls", address.ToString().TrimEnd('/'), "--data", database.DataDirectory], variables), name);
    }

    private static ServerProcess Launch(Func<Uri, ProcessStartInfo> startInfo, string name)
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = startInfo(address);
        start.RedirectStandardInput = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process, address, name);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    public async Task WaitUntilReadyAsync()
    {
        using var client = CreateClient();
        // One probe may wait a while; a probe that times out is just tried again.
        client.Timeout = TimeSpan.FromSeconds(30);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_name} exited with {_process.ExitCode} before it was ready:\n{Log}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // One slow answer while it starts.
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"{_name} was not ready after {ReadyTimeout.TotalMinutes} minutes:\n{Log}");
    }

    /// <summary>A client for this server: no redirects followed, optionally a bearer token and a cookie jar (shared between servers like a browser's).</summary>
    public HttpClient CreateClient(string? token = null, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            ConnectTimeout = TimeSpan.FromSeconds(30),
        };
        // A ceiling against a hang, not a speed requirement: a busy machine may take long over one request.
        var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>
    /// SIGKILL (what <see cref="Process.Kill()"/> sends on Unix): no shutdown code runs, as in a crash or an OOM kill. The
    /// process has no children (the dotnet host runs the app itself), so the signal goes straight to it, without a tree walk.
    /// </summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                Kill();
            }
        }
        finally
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"--- {_name} ({BaseAddress}) ---\n{Log}");
            _process.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
