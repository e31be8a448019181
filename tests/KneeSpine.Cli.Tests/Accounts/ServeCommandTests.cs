using System.Net;
using KneeSpine.Cli.Tests.Processes;

namespace KneeSpine.Cli.Tests.Accounts;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_creates_the_database_under_data_listens_on_urls_and_stops_when_cancelled()
    {
        using var data = new TempDataDirectory();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var output = new MemoryStream();
        using var error = new StringWriter();
        using var console = new CliConsole(new MemoryStream(), output, error, outputIsTerminal: false, noColor: true);

        var serving = CliApp.RunAsync(["serve", "--urls", url, "--data", data.Path], console, CliCommands.All, stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var ready = await WaitForReadyAsync(http, serving);
        await stop.CancelAsync();
        var exitCode = await serving.WaitAsync(Progress.Ceiling, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.True(File.Exists(Path.Combine(data.Path, "kneespine.db")));
        Assert.Equal(0, exitCode);
    }

    private static async Task<HttpStatusCode> WaitForReadyAsync(HttpClient http, Task serving)
    {
        // Until it answers or stops, within the generous ceiling of every wait on a process.
        var deadline = DateTime.UtcNow + Progress.Ceiling;
        while (!serving.IsCompleted && DateTime.UtcNow < deadline)
        {
            try
            {
                return (await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }
        }

        return serving.IsCompleted ? throw new InvalidOperationException("serve stopped before answering") : HttpStatusCode.RequestTimeout;
    }
}
