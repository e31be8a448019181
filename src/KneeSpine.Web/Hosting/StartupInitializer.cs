using KneeSpine.Web.DataProtection;
using KneeSpine.Web.Demo;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Hosting;

/// <summary>Prepares the database and the shared key ring before the server takes requests (hosted services' "starting" phase runs before any of them starts).</summary>
internal sealed class StartupInitializer(IServiceProvider services, IOptions<KneeSpineOptions> options) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await KneeSpineDatabase.PrepareAsync(services, bootstrapAdmin: true, cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<KeyRingInitializer>().InitializeAsync(cancellationToken).ConfigureAwait(false);
        if (options.Value.Demo)
        {
            var scope = services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
