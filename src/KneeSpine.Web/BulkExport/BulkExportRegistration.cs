namespace KneeSpine.Web.BulkExport;

public static class BulkExportRegistration
{
    public static IHostApplicationBuilder AddKneeSpineBulkExport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BulkExportOptions>().Bind(builder.Configuration.GetSection(BulkExportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<BulkExportSignal>();
        builder.Services.AddSingleton<ClinicRequests>();
        builder.Services.AddScoped<BulkExportRunner>();
        builder.Services.AddHostedService<BulkExportWorker>();
        return builder;
    }

    /// <summary>
    /// Counts the requests this node is answering, so a running export gives way to them (ADR-170). First in the
    /// pipeline, so a request counts for its whole life; an export's own file downloads do not count.
    /// </summary>
    public static WebApplication UseKneeSpineBulkExportYield(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var clinic = app.Services.GetRequiredService<ClinicRequests>();
        app.Use(async (context, next) =>
        {
            if (BulkExportEndpoints.IsFileDownload(context.Request))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            clinic.Enter();
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                clinic.Exit();
            }
        });
        return app;
    }
}
