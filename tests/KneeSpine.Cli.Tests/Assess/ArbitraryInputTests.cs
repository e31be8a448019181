using System.Text;

namespace KneeSpine.Cli.Tests.Assess;

/// <summary>Property tests: whatever bytes come in, <c>kneespine assess</c> exits 0 or 2, never 1, and never prints a stack trace.</summary>
public sealed class ArbitraryInputTests
{
    private static readonly byte[][] Examples = [.. RepositorySpec.ExampleNames.Select(n => File.ReadAllBytes(RepositorySpec.InputOf(n)))];

    private static async Task AssertHandledAsync(byte[] input, params string[] args)
    {
        var run = await CliRun.RunAsync(input, false, false, args);

        Assert.True(run.ExitCode is 0 or 2, $"exit {run.ExitCode}: {run.Error}");
        Assert.False(run.PrintedStackTrace, run.Error);
        if (run.ExitCode == 2 && args.Contains("--ndjson"))
        {
            Assert.Contains("{\"line\":", run.Output, StringComparison.Ordinal);
        }
        else if (run.ExitCode == 2)
        {
            Assert.Equal(string.Empty, run.Output);
            Assert.All(run.Error.TrimEnd().Split('\n').Skip(1), line => Assert.Contains(": ", line, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Random_bytes_exit_0_or_2()
    {
        var random = new Random(11);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            await AssertHandledAsync(bytes, "assess", "-");
            await AssertHandledAsync(bytes, "assess", "-", "--json");
            await AssertHandledAsync(bytes, "assess", "--ndjson", "-");
        }
    }

    [Fact]
    public async Task Truncated_examples_exit_2()
    {
        var random = new Random(12);
        for (var i = 0; i < 300; i++)
        {
            var example = Examples[random.Next(Examples.Length)];
            var cut = example[..random.Next(0, example.AsSpan().TrimEnd("\r\n "u8).Length)];

            var run = await CliRun.RunAsync(cut, false, false, "assess", "-");

            Assert.Equal(2, run.ExitCode);
            Assert.False(run.PrintedStackTrace, run.Error);
        }
    }

    [Fact]
    public async Task Mutated_examples_exit_0_or_2()
    {
        var random = new Random(13);
        byte[] interesting = [.. "{}[]\",:-.0123456789eE \\ntfu"u8, 0x00, 0x0A, 0xC3, 0xFF];
        for (var i = 0; i < 600; i++)
        {
            var bytes = (byte[])Examples[random.Next(Examples.Length)].Clone();
            for (var changes = random.Next(1, 5); changes > 0; changes--)
            {
                bytes[random.Next(bytes.Length)] = interesting[random.Next(interesting.Length)];
            }

            await AssertHandledAsync(bytes, "assess", "-");
            await AssertHandledAsync(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\n", " ", StringComparison.Ordinal)), "assess", "--ndjson", "-");
        }
    }
}
