using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KneeSpine.Store.Database;

/// <summary>Fills in the SQLite file under the data directory when no connection string is configured, and rejects a PostgreSQL set-up without one.</summary>
internal sealed class DatabaseOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<DatabaseOptions>, IValidateOptions<DatabaseOptions>
{
    public void PostConfigure(string? name, DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            options.ConnectionString = $"Data Source={Path.Combine(DataDirectory.Resolve(configuration), "kneespine.db")}";
        }
    }

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:Provider must be 'sqlite' or 'postgres'.");
        }

        if (!Enum.IsDefined(options.SqliteSynchronous))
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:SqliteSynchronous must be 'normal' or 'full'.");
        }

        if (!string.IsNullOrWhiteSpace(options.ReadReplicaConnectionString) && options.Provider != DatabaseProvider.Postgres)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:ReadReplicaConnectionString needs the provider 'postgres' (a streaming standby of the primary); SQLite has no replicas.");
        }

        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:ConnectionString is required when the provider is '{options.Provider}'.")
            : ValidateOptionsResult.Success;
    }
}
