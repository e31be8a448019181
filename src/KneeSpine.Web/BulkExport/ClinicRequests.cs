namespace KneeSpine.Web.BulkExport;

/// <summary>
/// How many of the clinic's requests this node is answering now, so that an export runs in the gaps between them
/// (ADR-170): the export checks <see cref="Busy"/> before each patient and, when busy, waits for <see cref="WhenIdle"/>.
/// </summary>
internal sealed class ClinicRequests
{
    private readonly Lock gate = new();
    private int inFlight;
    private int waiting;
    private TaskCompletionSource idle = Idle();

    /// <summary>Whether a request is being answered right now.</summary>
    public bool Busy => Volatile.Read(ref inFlight) > 0;

    /// <summary>How many export workers are waiting for the clinic's requests to end right now.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Completes when no request is in flight (at once when none is).</summary>
    public Task WhenIdle
    {
        get
        {
            lock (gate)
            {
                return idle.Task;
            }
        }
    }

    /// <summary>
    /// Returns at once when no request is in flight; else waits until none is, but at most <paramref name="atMost"/>,
    /// so that a clinic that is never idle still lets an export move on (one patient per wait).
    /// </summary>
    public async ValueTask GiveWayAsync(TimeSpan atMost, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Busy)
        {
            return;
        }

        Interlocked.Increment(ref waiting);
        try
        {
            await WhenIdle.WaitAsync(atMost, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Waited long enough: the export takes its next step anyway.
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    public void Enter()
    {
        lock (gate)
        {
            if (inFlight++ == 0)
            {
                idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Exit()
    {
        TaskCompletionSource? ended = null;
        lock (gate)
        {
            if (--inFlight == 0)
            {
                ended = idle;
            }
        }

        // Outside the lock: the waiting export continues on another thread, never inside a request's own.
        ended?.TrySetResult();
    }

    private static TaskCompletionSource Idle()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
