namespace KneeSpine.Web.BulkExport;

/// <summary>Wakes this node's worker when a kick-off lands here, so a job does not wait for the next poll.</summary>
internal sealed class BulkExportSignal
{
    private readonly SemaphoreSlim _kicked = new(0, 1);

    public void Kick()
    {
        try
        {
            _kicked.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one wake-up takes every queued job.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _kicked.WaitAsync(cancellationToken);
}
