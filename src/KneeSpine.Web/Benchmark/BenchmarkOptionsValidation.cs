using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Benchmark;

/// <summary>The floor endpoint stores rows without authentication: a setting left on in production must stop the start, not open a door.</summary>
internal sealed class BenchmarkOptionsValidation(IHostEnvironment environment) : IValidateOptions<BenchmarkOptions>
{
    public ValidateOptionsResult Validate(string? name, BenchmarkOptions options) =>
        options.FloorEndpoint && !environment.IsEnvironment(BenchmarkOptions.EnvironmentName)
            ? ValidateOptionsResult.Fail(
                $"{BenchmarkOptions.Section}:FloorEndpoint is only allowed in the '{BenchmarkOptions.EnvironmentName}' environment (ASPNETCORE_ENVIRONMENT), never in '{environment.EnvironmentName}'.")
            : ValidateOptionsResult.Success;
}
