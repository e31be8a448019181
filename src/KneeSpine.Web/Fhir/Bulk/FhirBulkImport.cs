using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;
using KneeSpine.Store.Database;
using KneeSpine.Web.Assessments;
using KneeSpine.Web.Evaluate;
using KneeSpine.Web.Patients;
using Microsoft.EntityFrameworkCore;
using StoredPatient = KneeSpine.Store.Patients.Patient;

namespace KneeSpine.Web.Fhir.Bulk;

/// <summary>
/// Reads FHIR NDJSON (Patient, Procedure, QuestionnaireResponse) into the store, streaming (ADR-136): lines are read
/// in batches of <see cref="BatchSize"/>; each batch is parsed, mapped and evaluated on every core while the previous
/// batch is written by one writer, with one query per kind for the ids already stored and one commit per batch.
/// Lines may come in any order: a line whose patient is not stored yet is set aside in a temporary file and stored
/// after the rest, when every patient of the file is in. Ids that are UUIDs are kept; others map to a name-based UUID,
/// so importing the same file twice changes nothing: a response whose id is already stored is counted as present
/// before it is parsed (ADR-167). Imported assessments open no worklist item (ADR-080).
/// </summary>
public sealed class FhirBulkImport(
    KneeSpineDbContext db, IServiceScopeFactory scopes, PatientService patients, AssessmentEvaluation evaluation, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<ImportOptions> options)
{
    /// <summary>Lines per transaction: big enough that commits do not dominate, small enough that memory stays flat.</summary>
    public const int BatchSize = 1000;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Imports every line; <paramref name="linesDone"/> is told how many lines have been handled so far.</summary>
    public async Task<ImportReport> ImportAsync(TextReader reader, string importedBy, Action<int>? linesDone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tally = new Tally(importedBy, linesDone);
        var parser = new ImportLineParser(evaluation, time);
        // Its own context: the producer looks up stored response ids while the writer's context stores the previous batch.
        var lookupScope = scopes.CreateAsyncScope();
        await using var lookupScopeDisposal = lookupScope.ConfigureAwait(false);
        var lookup = lookupScope.ServiceProvider.GetRequiredService<KneeSpineDbContext>();
        var deferredPath = Path.Combine(Path.GetTempPath(), $"kneespine-import-{Guid.NewGuid():N}.tmp");
        try
        {
            var deferred = new StreamWriter(deferredPath, append: false, Utf8);
            await using (deferred.ConfigureAwait(false))
            {
                await RunAsync(Numbered(reader, cancellationToken), parser, lookup, deferred, tally, cancellationToken).ConfigureAwait(false);
            }

            using var again = new StreamReader(deferredPath, Utf8);
            await RunAsync(Deferred(again, cancellationToken), parser, lookup, deferred: null, tally, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(deferredPath);
        }

        return new ImportReport(tally.Imported, tally.Present, tally.Skipped, [.. tally.Errors.OrderBy(e => e.Line)]);
    }

    /// <summary>The store id of a FHIR id: the UUID itself, else a name-based UUID (RFC 9562 version 8) of type and id.</summary>
    public static Guid StoreId(string type, string fhirId)
    {
        ArgumentNullException.ThrowIfNull(fhirId);
        if (Guid.TryParse(fhirId, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("kneespine-import\n" + type + "/" + fhirId), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private async Task RunAsync(
        IAsyncEnumerable<(int Number, string Text)> lines, ImportLineParser parser, KneeSpineDbContext lookup, StreamWriter? deferred, Tally tally, CancellationToken cancellationToken)
    {
        // Two batches in flight at most: one being prepared, one waiting for the writer. Memory stays flat for any file.
        var channel = Channel.CreateBounded<PreparedLine[]>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                var batch = new List<(int Number, string Text)>(BatchSize);
                await foreach (var line in lines.ConfigureAwait(false))
                {
                    batch.Add(line);
                    if (batch.Count == BatchSize)
                    {
                        await channel.Writer.WriteAsync(await PrepareAsync(parser, lookup, batch, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    await channel.Writer.WriteAsync(await PrepareAsync(parser, lookup, batch, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                }

                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, cancellationToken);

        await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await WriteAsync(batch, deferred, tally, cancellationToken).ConfigureAwait(false);
        }

        await producer.ConfigureAwait(false);
    }

    private static async Task<PreparedLine[]> PrepareAsync(ImportLineParser parser, KneeSpineDbContext lookup, List<(int Number, string Text)> batch, CancellationToken cancellationToken)
    {
        // Responses already stored (a re-import) are present whatever they say: one query, no parsing or evaluation.
        var ids = new Guid?[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken },
            i => ids[i] = ResponseFastReader.TryPeekId(batch[i].Text) is { } id ? StoreId("QuestionnaireResponse", id) : null);
        var candidates = ids.OfType<Guid>().Distinct().ToList();
        var stored = candidates.Count == 0 ? [] : (await lookup.Assessments.AsNoTracking().Where(a => candidates.Contains(a.Id)).Select(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();

        var prepared = new PreparedLine[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => prepared[i] = ids[i] is { } id && stored.Contains(id)
            ? new PreparedLine(batch[i].Number, batch[i].Text, PreparedKind.Present)
            : parser.Prepare(batch[i].Number, batch[i].Text));
        return prepared;
    }

    /// <summary>One batch in one transaction: patients, then procedures, then responses, each kind's existing ids in one query.</summary>
    private async Task WriteAsync(PreparedLine[] batch, StreamWriter? deferred, Tally tally, CancellationToken cancellationToken)
    {
        var referenced = batch.Where(l => l.Kind is PreparedKind.Patient or PreparedKind.Procedure or PreparedKind.Response).Select(l => l.PatientId).Distinct().ToList();
        var known = await db.Patients.Where(p => referenced.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken).ConfigureAwait(false);
        var responseIds = batch.Where(l => l.Kind == PreparedKind.Response).Select(l => l.AssessmentId).ToList();
        var stored = (await db.Assessments.Where(a => responseIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        // The latest current assessment date of each patient: an older imported assessment leaves the surgery details alone.
        var respondents = batch.Where(l => l.Kind == PreparedKind.Response).Select(l => l.PatientId).Distinct().ToList();
        var latest = await db.Assessments
            .Where(a => respondents.Contains(a.PatientId) && !db.Assessments.Any(newer => newer.SupersedesId == a.Id))
            .GroupBy(a => a.PatientId).Select(g => new { g.Key, Latest = g.Max(a => a.AssessedOn) })
            .ToDictionaryAsync(g => g.Key, g => g.Latest, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();

        foreach (var line in batch.OrderBy(l => l.Kind).ThenBy(l => l.Number))
        {
            switch (line.Kind)
            {
                case PreparedKind.Skipped:
                    tally.Skipped++;
                    break;
                case PreparedKind.Present:
                    tally.Present++;
                    break;
                case PreparedKind.Error:
                    tally.Error(line.Number, line.Error!);
                    break;
                case PreparedKind.Patient:
                    AddPatient(line, known, tally, now);
                    break;
                case PreparedKind.Procedure when known.TryGetValue(line.PatientId, out var patient):
                    SetSurgery(line.Procedure!, patient, tally);
                    break;
                case PreparedKind.Response when known.TryGetValue(line.PatientId, out var patient):
                    AddAssessment(line, patient, stored, latest, tally, now);
                    break;
                default:
                    await DeferAsync(line, deferred, tally).ConfigureAwait(false);
                    break;
            }
        }

        // New rows by COPY on PostgreSQL (ADR-151), by prepared inserts on SQLite (ADR-166), in the batch's one transaction.
        var bulk = db.Database.IsNpgsql() ? options.Value.PostgresCopy : options.Value.SqliteDirectInserts;
        await db.SaveBatchAsync(bulk, cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        tally.Done(batch.Length);
    }

    private void AddPatient(PreparedLine line, Dictionary<Guid, StoredPatient> known, Tally tally, DateTimeOffset now)
    {
        if (known.ContainsKey(line.PatientId))
        {
            tally.Present++;
            return;
        }

        var fields = line.Patient!;
        var problems = patients.Validate(new CreatePatientRequest(fields.Name, fields.BirthDate, fields.Sex));
        if (problems.Count > 0)
        {
            tally.Error(line.Number, string.Join("; ", problems.Select(p => $"Patient.{(p.Key == "sex" ? "gender" : p.Key)}: {p.Value}")));
            return;
        }

        Code<Sex>.TryParse(fields.Sex!, out var sex);
        var patient = new StoredPatient
        {
            Id = line.PatientId,
            Name = fields.Name!.Trim(),
            BirthDate = fields.BirthDate!.Value,
            Sex = sex,
            CreatedAt = now,
            CreatedBy = tally.ImportedBy,
        };
        db.Patients.Add(patient);
        known[patient.Id] = patient;
        tally.Imported++;
    }

    private static void SetSurgery(ImportedProcedure procedure, StoredPatient patient, Tally tally)
    {
        if (patient.SurgeryDate is not null)
        {
            // The latest assessment already describes the surgery; it stays the source of these fields.
            tally.Present++;
            return;
        }

        patient.SurgeryDate = procedure.Date;
        patient.SurgerySide = procedure.Side;
        patient.SurgeryProcedure = procedure.Kind;
        tally.Imported++;
    }

    private void AddAssessment(PreparedLine line, StoredPatient patient, HashSet<Guid> stored, Dictionary<Guid, DateOnly> latest, Tally tally, DateTimeOffset now)
    {
        if (!stored.Add(line.AssessmentId))
        {
            tally.Present++;
            return;
        }

        var input = line.Input!;
        var assessment = AssessmentService.NewRow(
            line.AssessmentId, patient.Id, line.AssessmentId, input, line.Result!, line.InputJson!, line.ResultJson!, line.RecordedAt ?? now, tally.ImportedBy);
        db.Assessments.Add(assessment);
        // Imported assessments count in the outcomes reports like any other (ADR-130).
        Reports.ReportRowWriter.Stage(db, assessment, input, line.Result!, patient);
        // As AssessmentService stores one: the latest assessment is the source of the surgery details.
        if (!latest.TryGetValue(patient.Id, out var newest) || newest <= input.AssessedOn)
        {
            latest[patient.Id] = input.AssessedOn;
            AssessmentService.TakeSurgeryDetails(patient, input);
        }

        tally.Imported++;
    }

    private static async Task DeferAsync(PreparedLine line, StreamWriter? deferred, Tally tally)
    {
        if (deferred is null)
        {
            tally.Error(line.Number, line.Kind == PreparedKind.Procedure
                ? "Procedure.subject must refer to a patient in this file or in the store (Patient/{id})."
                : "QuestionnaireResponse.subject must refer to a patient in this file or in the store (Patient/{id}).");
            return;
        }

        await deferred.WriteLineAsync(line.Number.ToString(CultureInfo.InvariantCulture) + "\t" + line.Text).ConfigureAwait(false);
        // Counted when it is stored from the deferred file.
        tally.Deferred++;
    }

    private static async IAsyncEnumerable<(int Number, string Text)> Numbered(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, line);
            }
        }
    }

    private static async IAsyncEnumerable<(int Number, string Text)> Deferred(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            yield return (int.Parse(line.AsSpan(0, tab), CultureInfo.InvariantCulture), line[(tab + 1)..]);
        }
    }

    private sealed class Tally(string importedBy, Action<int>? linesDone)
    {
        private int _done;

        public string ImportedBy { get; } = importedBy;

        public int Imported { get; set; }

        public int Present { get; set; }

        public int Skipped { get; set; }

        public int Deferred { get; set; }

        public List<ImportLineError> Errors { get; } = [];

        public void Error(int line, string message) => Errors.Add(new ImportLineError(line, message));

        public void Done(int lines)
        {
            _done += lines;
            linesDone?.Invoke(_done - Deferred);
        }
    }
}
