using KneeSpine.Web.DataProtection;
using KneeSpine.Web.Demo;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Hosting;

/// <summary>Prepares the database and the shared key ring before the server takes requests (hosted services' "starting" phase runs before any of them starts).</summary>
internal sealed class StartupInitializer(IServiceProvider services, IOptions<KneeSpineOptions> options) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        KneeSpineDatabase.PrepareAsync(services, bootstrapAdmin: true, cancellationToken, async (provider, cancel) =>
        {
            provider.GetRequiredService<KeyRingInitializer>().Initialize();
            if (options.Value.Demo)
            {
                await provider.GetRequiredService<DemoSeeder>().SeedAsync(cancel).ConfigureAwait(false);
            }
        });

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
