namespace KneeSpine.Cli.Tests.Processes;

/// <summary>
/// Waits that depend on progress, not on how fast the machine is today: a wait goes on while something advances and
/// fails only when nothing has moved for <see cref="Stall"/>, or past <see cref="Ceiling"/> in all (both generous).
/// </summary>
internal static class Progress
{
    /// <summary>How long nothing may advance before the wait fails.</summary>
    public static readonly TimeSpan Stall = TimeSpan.FromMinutes(3);

    /// <summary>The longest any one wait may take, so a hang fails the test instead of the whole run.</summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(10);

    /// <summary>Waits for <paramref name="done"/> while <paramref name="count"/> keeps rising.</summary>
    public static async Task WaitAsync(Task done, Func<int> count, string what)
    {
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(count);
        var cancel = TestContext.Current.CancellationToken;
        var overall = DateTime.UtcNow + Ceiling;
        var last = count();
        var lastMoved = DateTime.UtcNow;
        while (!done.IsCompleted)
        {
            await Task.WhenAny(done, Task.Delay(TimeSpan.FromSeconds(1), cancel));
            cancel.ThrowIfCancellationRequested();
            var now = count();
            if (now != last)
            {
                (last, lastMoved) = (now, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - lastMoved > Stall)
            {
                throw new TimeoutException($"no progress ({what}: {now}) for {Stall.TotalMinutes} minutes");
            }

            if (DateTime.UtcNow > overall)
            {
                throw new TimeoutException($"still waiting after {Ceiling.TotalMinutes} minutes ({what}: {now})");
            }
        }

        await done;
    }
}
