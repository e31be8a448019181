using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Fhir.Bulk;

/// <summary>
/// Writes the whole store as FHIR Bulk Data NDJSON, one file per resource type (<c>Patient.ndjson</c>, ...), for
/// <c>kneespine export</c>. Current assessment versions only; the derived resources (RiskAssessment, Flag, CarePlan,
/// Observation) are written too, for readers, and skipped on import, which re-derives them. Streams a page of patients
/// at a time (<see cref="FhirBulkReader"/>).
/// </summary>
public sealed class FhirBulkExport(FhirBulkReader reader)
{
    /// <summary>Writes the files into <paramref name="directory"/>; answers the count of resources per type.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ExportAsync(string directory, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var writers = new SortedDictionary<string, StreamWriter>(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        try
        {
            var total = await reader.CountAsync(db => db.Patients, cancellationToken).ConfigureAwait(false);
            var done = 0;
            await foreach (var page in reader.PagesAsync(db => db.Patients, since: null, cancellationToken).ConfigureAwait(false))
            {
                foreach (var resource in page)
                {
                    await WriteAsync(resource).ConfigureAwait(false);
                    if (resource is Patient)
                    {
                        progress?.Invoke(++done, total);
                    }
                }
            }
        }
        finally
        {
            foreach (var writer in writers.Values)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }

        return counts;

        async Task WriteAsync(Resource resource)
        {
            if (!writers.TryGetValue(resource.TypeName, out var writer))
            {
                writer = new StreamWriter(Path.Combine(directory, resource.TypeName + ".ndjson"), append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
                writers[resource.TypeName] = writer;
                counts[resource.TypeName] = 0;
            }

            await writer.WriteLineAsync(FhirNdjson.Line(resource).AsMemory(), cancellationToken).ConfigureAwait(false);
            counts[resource.TypeName]++;
        }
    }
}
