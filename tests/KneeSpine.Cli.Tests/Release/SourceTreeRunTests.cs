namespace KneeSpine.Cli.Tests.Release;

/// <summary>The publish and release tests run long builds: a slow build must finish, a hung one must be stopped.</summary>
public sealed class SourceTreeRunTests
{
    [Fact]
    public async Task A_program_that_neither_prints_nor_computes_is_stopped_after_the_stall_limit()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() => SourceTree.RunAsync("sleep", ["600"], TimeSpan.FromSeconds(3)));

        Assert.Contains("made no progress for 00:00:03", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_that_keeps_a_child_busy_runs_past_the_stall_limit_to_its_end()
    {
        // The parent shell only waits; the work happens in a child, as dotnet publish works in MSBuild nodes.
        var (code, output) = await SourceTree.RunAsync("bash",
            ["-c", "bash -c 'end=$((SECONDS+12)); while [ $SECONDS -lt $end ]; do :; done; echo finished'"], TimeSpan.FromSeconds(4));

        Assert.Equal(0, code);
        Assert.Contains("finished", output, StringComparison.Ordinal);
    }
}
