namespace KneeSpine.Web.BulkExport;

public static class BulkExportRegistration
{
    public static IHostApplicationBuilder AddKneeSpineBulkExport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BulkExportOptions>().Bind(builder.Configuration.GetSection(BulkExportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<BulkExportSignal>();
        builder.Services.AddScoped<BulkExportRunner>();
        builder.Services.AddHostedService<BulkExportWorker>();
        return builder;
    }
}
