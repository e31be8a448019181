using System.Text.Json;
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
        var writers = new SortedDictionary<string, (FileStream File, Utf8JsonWriter Json)>(StringComparer.Ordinal);
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
            foreach (var (file, json) in writers.Values)
            {
                await json.DisposeAsync().ConfigureAwait(false);
                await file.DisposeAsync().ConfigureAwait(false);
            }
        }

        return counts;

        async Task WriteAsync(Resource resource)
        {
            if (!writers.TryGetValue(resource.TypeName, out var writer))
            {
                var file = new FileStream(Path.Combine(directory, resource.TypeName + ".ndjson"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                writers[resource.TypeName] = writer = (file, new Utf8JsonWriter(file, FhirNdjson.WriterOptions));
                counts[resource.TypeName] = 0;
            }

            // Straight to the file's buffer as UTF-8, one line at a time (no string per line); Reset starts the next value.
            FhirNdjson.Write(writer.Json, resource);
            await writer.Json.FlushAsync(cancellationToken).ConfigureAwait(false);
            writer.Json.Reset();
            writer.File.WriteByte((byte)'\n');
            counts[resource.TypeName]++;
        }
    }
}
