namespace KneeSpine.Web.Benchmark;

/// <summary>
/// The <c>KneeSpine:Benchmark</c> section. The load test's floor endpoint exists only when this is switched on
/// AND the app runs in the <see cref="EnvironmentName"/> environment (bench/load.sh sets both); switched on in any
/// other environment, the app refuses to start.
/// </summary>
public sealed class BenchmarkOptions
{
    public const string Section = "KneeSpine:Benchmark";

    /// <summary>The hosting environment (<c>ASPNETCORE_ENVIRONMENT</c>) the floor endpoint needs.</summary>
    public const string EnvironmentName = "Benchmark";

    /// <summary>Maps <c>POST /benchmark/floor/patients/{patientId}/assessments</c> (ADR-058).</summary>
    public bool FloorEndpoint { get; set; }
}
