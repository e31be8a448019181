using Hl7.Fhir.Model;
using KneeSpine.Fhir.Assessments;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Fhir.Bulk;

/// <summary>
/// Writes the whole store as FHIR Bulk Data NDJSON, one file per resource type (<c>Patient.ndjson</c>, ...).
/// Current assessment versions only; the derived resources (RiskAssessment, Flag, CarePlan, Observation) are
/// written too, for readers, and skipped on import, which re-derives them.
/// </summary>
public sealed class FhirBulkExport(FhirRecords records, FhirAssessmentMapper mapper)
{
    // Stored references are relative; this base only completes the mapper's signature.
    private static readonly Uri ExportBase = new("https://localhost/fhir/");

    /// <summary>Writes the files into <paramref name="directory"/>; answers the count of resources per type.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ExportAsync(string directory, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var writers = new SortedDictionary<string, StreamWriter>(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        try
        {
            var patients = await records.AllPatientsAsync(cancellationToken).ConfigureAwait(false);
            var done = 0;
            foreach (var patient in patients)
            {
                var reference = "Patient/" + patient.Id;
                await WriteAsync(FhirAssessmentMapper.ToPatient(FhirRecords.ToDetails(patient))).ConfigureAwait(false);
                if (FhirRecords.Surgery(patient) is { } surgery)
                {
                    await WriteAsync(FhirAssessmentMapper.ToProcedure(surgery.Id, reference, surgery.Surgery)).ConfigureAwait(false);
                }

                foreach (var assessment in await records.CurrentAssessmentsAsync(patient.Id, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var resource in mapper.ToResources(assessment, reference, ExportBase).All)
                    {
                        await WriteAsync(resource).ConfigureAwait(false);
                    }
                }

                progress?.Invoke(++done, patients.Count);
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
