using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KneeSpine.Cli.Tests.Assess;

public sealed class NdjsonTests
{
    private static readonly string[] ExampleLines =
        [.. RepositorySpec.ExampleNames.Select(n => JsonNode.Parse(File.ReadAllText(RepositorySpec.InputOf(n)))!.ToJsonString())];

    private static async Task<string> SingleResultAsync(string line)
    {
        var run = await CliRun.RunWithInputAsync(line, "assess", "-", "--json");
        Assert.Equal(0, run.ExitCode);
        return Normal(run.Output);
    }

    /// <summary>One compact form for comparing JSON texts (the CLI writes indented JSON for --json, compact for --ndjson).</summary>
    private static string Normal(string json) => JsonNode.Parse(json)!.ToJsonString();

    private static string[] OutputLines(CliRun run)
    {
        Assert.EndsWith("\n", run.Output, StringComparison.Ordinal);
        return [.. run.Output[..^1].Split('\n').Select(l => l.StartsWith("{\"line\"", StringComparison.Ordinal) ? l : Normal(l))];
    }

    [Fact]
    public async Task Each_line_gives_its_result_in_the_same_order()
    {
        var lines = ExampleLines.Reverse().Concat(ExampleLines).ToArray();

        var run = await CliRun.RunWithInputAsync(string.Join('\n', lines) + "\n", "assess", "--ndjson", "-");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        var output = OutputLines(run);
        Assert.Equal(lines.Length, output.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Equal(await SingleResultAsync(lines[i]), output[i]);
        }
    }

    [Fact]
    public async Task A_bad_line_is_reported_with_its_line_number_and_processing_goes_on()
    {
        var input = string.Join('\n', ExampleLines[0], "{\"schemaVersion\": 2}", "not json", ExampleLines[1]) + "\n";

        var run = await CliRun.RunWithInputAsync(input, "assess", "--ndjson", "-");

        Assert.Equal(2, run.ExitCode);
        var output = OutputLines(run);
        Assert.Equal(4, output.Length);
        Assert.Equal(await SingleResultAsync(ExampleLines[0]), output[0]);
        using (var bad = JsonDocument.Parse(output[1]))
        {
            Assert.Equal(2, bad.RootElement.GetProperty("line").GetInt32());
            var paths = bad.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
            Assert.Equal(["assessedOn", "patient", "surgery", "backPain", "redFlags"], paths);
            Assert.All(bad.RootElement.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
        }

        using (var notJson = JsonDocument.Parse(output[2]))
        {
            Assert.Equal(3, notJson.RootElement.GetProperty("line").GetInt32());
            Assert.Equal("$", notJson.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
        }

        Assert.Equal(await SingleResultAsync(ExampleLines[1]), output[3]);
        Assert.Contains("2 of 4 lines", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_line_is_an_invalid_line_so_line_numbers_keep_matching()
    {
        var run = await CliRun.RunWithInputAsync(ExampleLines[0] + "\n\n" + ExampleLines[1] + "\n", "assess", "--ndjson", "-");

        Assert.Equal(2, run.ExitCode);
        var output = OutputLines(run);
        Assert.Equal(3, output.Length);
        Assert.StartsWith("{\"line\":2,\"errors\":[{\"path\":\"$\"", output[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Windows_line_endings_and_a_last_line_without_newline_are_read()
    {
        var run = await CliRun.RunWithInputAsync(ExampleLines[0] + "\r\n" + ExampleLines[1], "assess", "--ndjson", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([await SingleResultAsync(ExampleLines[0]), await SingleResultAsync(ExampleLines[1])], OutputLines(run));
    }

    [Fact]
    public async Task Empty_input_gives_empty_output()
    {
        var run = await CliRun.RunWithInputAsync(string.Empty, "assess", "--ndjson", "-");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Output));
    }

    [Fact]
    public async Task Many_lines_across_read_blocks_keep_their_order()
    {
        var lines = Enumerable.Range(0, 4000).Select(i => ExampleLines[i % ExampleLines.Length]).ToArray();
        var expected = new Dictionary<string, string>();
        foreach (var line in ExampleLines)
        {
            expected[line] = await SingleResultAsync(line);
        }

        var run = await CliRun.RunWithInputAsync(string.Join('\n', lines) + "\n", "assess", "--ndjson", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(lines.Select(l => expected[l]), OutputLines(run));
    }

    [Fact]
    public async Task A_line_longer_than_a_read_block_is_read_whole()
    {
        var padded = ExampleLines[2].Insert(1, new string(' ', 3 << 20));

        var run = await CliRun.RunWithInputAsync(ExampleLines[0] + "\n" + padded + "\n" + ExampleLines[1] + "\n", "assess", "--ndjson", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [await SingleResultAsync(ExampleLines[0]), await SingleResultAsync(ExampleLines[2]), await SingleResultAsync(ExampleLines[1])],
            OutputLines(run));
    }

    [Fact]
    public async Task A_file_is_read_as_well_as_standard_input()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kneespine-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllTextAsync(path, string.Join('\n', ExampleLines), Encoding.UTF8, TestContext.Current.CancellationToken);
        try
        {
            var run = await CliRun.RunAsync("assess", "--ndjson", path);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(ExampleLines.Length, OutputLines(run).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
