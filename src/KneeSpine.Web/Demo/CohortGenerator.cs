using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Assessments;
using KneeSpine.Store.Database;
using KneeSpine.Store.Patients;
using KneeSpine.Web.Evaluate;
using KneeSpine.Web.Reports;
using Microsoft.EntityFrameworkCore;
using static KneeSpine.Web.Demo.CohortDistributions;

namespace KneeSpine.Web.Demo;

/// <summary>
/// <c>kneespine demo generate</c>: a large fictional cohort (patients, surgeries, follow-up assessments) drawn from
/// <see cref="CohortDistributions"/>, every assessment evaluated by the engine so its result is real. The same seed on
/// the same day gives the same cohort (ids and answers come from one seeded generator; dates count back from today).
/// Rows are added in batches with one transaction each (COPY on PostgreSQL, ADR-151), and each assessment's report row with it; like an
/// import, it opens no worklist item and sends nothing.
/// </summary>
public sealed class CohortGenerator(KneeSpineDbContext db, AssessmentEvaluation evaluation, FollowUps.FollowUpCalendar calendar, TimeProvider time)
{
    public const string Author = "demo-cohort";

    /// <summary>Patients per transaction.</summary>
    public const int BatchSize = 500;

    /// <summary>Surgery dates fall in this many days before today.</summary>
    public const int SurgeryWithinDays = 365;

    private static readonly IReadOnlyList<string> RedFlags = [.. InputFields.All.Where(f => f.Section == "redFlags").Select(f => f.Path["redFlags.".Length..])];

    /// <summary>Generates <paramref name="patients"/> patients; false (nothing written) when this seed's cohort is already in the database.</summary>
    public async Task<CohortSummary?> GenerateAsync(int patients, int seed, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patients);
        var random = new Random(seed);
        var today = calendar.Today;
        var now = time.GetUtcNow();
        var firstId = NewId(new Random(seed));
        if (await db.Patients.AnyAsync(p => p.Id == firstId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        long assessments = 0;
        try
        {
            for (var done = 0; done < patients; done += BatchSize)
            {
                var count = Math.Min(BatchSize, patients - done);
                for (var i = 0; i < count; i++)
                {
                    assessments += AddPatient(random, done + i + 1, today, now);
                }

                await db.SaveBatchAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                progress?.Report(done + count);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return new CohortSummary(patients, assessments);
    }

    private int AddPatient(Random random, int number, DateOnly today, DateTimeOffset now)
    {
        var id = NewId(random);
        var sex = random.NextDouble() < Female ? Sex.Female : Sex.Male;
        var age = (int)Math.Clamp(Math.Round(AgeMean + (AgeSd * Normal(random))), AgeMin, AgeMax);
        var surgery = today.AddDays(-random.Next(0, SurgeryWithinDays + 1));
        var born = surgery.AddYears(-age).AddDays(-random.Next(0, 365));
        var anesthesia = Pick(random, AnesthesiaMix);
        var procedure = Pick(random, ProcedureMix);
        var side = Pick(random, SideMix);
        var history = random.NextDouble() switch
        {
            < ChronicBackPainBefore => BackPainHistory.Chronic,
            < ChronicBackPainBefore + OccasionalBackPainBefore => BackPainHistory.Occasional,
            _ => BackPainHistory.None,
        };
        var neuraxial = anesthesia is Anesthesia.Spinal or Anesthesia.Epidural or Anesthesia.CombinedSpinalEpidural;
        // One draw per patient, so new pain fades over weeks as a course rather than flickering between visits.
        var newPainUntil = random.NextDouble();
        var patient = new Patient
        {
            Id = id,
            Name = "Demo Cohort Patient " + number.ToString("D6", CultureInfo.InvariantCulture),
            BirthDate = born,
            Sex = sex,
            SurgeryDate = surgery,
            SurgerySide = side,
            SurgeryProcedure = procedure,
            Anesthesia = anesthesia,
            IsDemo = true,
            CreatedAt = now,
            CreatedBy = Author,
        };
        db.Patients.Add(patient);

        var days = new List<int>();
        if (random.NextDouble() < EarlyAssessment)
        {
            days.Add(random.Next(1, 11));
        }

        var checkIns = calendar.Options.Days;
        for (var i = 0; i < checkIns.Count; i++)
        {
            var answered = CheckInAnswered[Math.Min(i, CheckInAnswered.Length - 1)];
            if (random.NextDouble() < answered)
            {
                days.Add(checkIns[i] + random.Next(-3, 6));
            }
        }

        var stored = 0;
        foreach (var day in days.Distinct().Order())
        {
            var assessedOn = surgery.AddDays(day);
            if (assessedOn > today)
            {
                break;
            }

            var input = Input(random, patient, age, history, neuraxial, newPainUntil, day, assessedOn);
            var outcome = evaluation.Evaluate(Encoding.UTF8.GetBytes(input.ToJsonString()));
            if (!outcome.IsValid)
            {
                throw new InvalidOperationException($"Generated assessment {number}/{day} is invalid: {string.Join("; ", outcome.Errors.Select(e => $"{e.Path}: {e.Message}"))}");
            }

            var assessmentId = NewId(random);
            var assessment = new Assessment
            {
                Id = assessmentId,
                PatientId = id,
                SeriesId = assessmentId,
                Version = 1,
                AssessedOn = assessedOn,
                DaysSinceSurgery = outcome.Result!.DaysSinceSurgery,
                Triage = outcome.Result.Triage.Level,
                BackPainNow = outcome.Input!.BackPain.IntensityNow.Value,
                KneePainNow = outcome.Input.Knee?.PainNow?.Value,
                KnowledgeBaseVersion = outcome.Result.KnowledgeBaseVersion,
                InputJson = AssessmentInputJson.ToJson(outcome.Input),
                ResultJson = AssessmentResultJson.ToJson(outcome.Result),
                CreatedAt = now,
                CreatedBy = Author,
            };
            db.Assessments.Add(assessment);
            ReportRowWriter.Stage(db, assessment, outcome.Input, outcome.Result, patient);
            stored++;
        }

        return stored;
    }

    private static JsonObject Input(Random random, Patient patient, int age, BackPainHistory history, bool neuraxial, double newPainUntil, int day, DateOnly assessedOn)
    {
        var week = day / 7.0;
        var newPain = newPainUntil < NewPainShare(neuraxial ? NewPainNeuraxial : NewPainGeneral, week);
        var backPain = history switch
        {
            BackPainHistory.Chronic => random.Next(4, 8),
            _ when newPain => random.Next(2, 6),
            BackPainHistory.Occasional => random.Next(0, 3),
            _ => random.Next(0, 2),
        };
        var kneePain = Math.Clamp((int)Math.Round(6 - (week / 2) + Normal(random)), 0, 10);
        var redFlags = new JsonObject([.. RedFlags.Select(f => KeyValuePair.Create(f, (JsonNode?)false))]);
        if (day <= 42)
        {
            redFlags["calfSwellingOrPain"] = random.NextDouble() < CalfSwelling;
            redFlags["feverOrChills"] = random.NextDouble() < Fever;
            redFlags["woundRednessOrDischarge"] = random.NextDouble() < WoundDischarge;
        }

        if (random.NextDouble() < CaudaEquina)
        {
            redFlags["newBladderOrBowelProblem"] = true;
            redFlags["numbnessInSaddleArea"] = true;
        }

        var input = new JsonObject
        {
            ["schemaVersion"] = AssessmentInput.SchemaVersion,
            ["assessedOn"] = Date(assessedOn),
            ["patient"] = new JsonObject { ["ageYears"] = Math.Max(18, age + (int)(day / 365.25)), ["sex"] = Code<Sex>.ToCode(patient.Sex) },
            ["surgery"] = new JsonObject
            {
                ["date"] = Date(patient.SurgeryDate!.Value),
                ["anesthesia"] = Code<Anesthesia>.ToCode(patient.Anesthesia!.Value),
                ["side"] = Code<SurgerySide>.ToCode(patient.SurgerySide!.Value),
                ["procedure"] = Code<SurgeryProcedure>.ToCode(patient.SurgeryProcedure!.Value),
            },
            ["backPain"] = new JsonObject
            {
                ["intensityNow"] = backPain,
                ["startedWhen"] = history == BackPainHistory.None ? "after-surgery" : "before-surgery",
                ["historyBeforeSurgery"] = Code<BackPainHistory>.ToCode(history),
            },
            ["knee"] = new JsonObject { ["painNow"] = kneePain },
            ["activity"] = new JsonObject { ["exerciseMinutesPerWeek"] = Math.Min(day * 4, 200), ["walkingAid"] = day < 21 ? "crutches" : "none" },
            ["redFlags"] = redFlags,
        };
        if (random.NextDouble() < QuestionnairesAnswered)
        {
            // Item answers 0-3, skewed to 0; worse back pain makes higher answers more likely (lungu-2016).
            int Item() => Math.Clamp((int)Math.Floor(Math.Abs(Normal(random)) * (0.6 + (backPain / 10.0))), 0, 3);
            input["psychosocial"] = new JsonObject
            {
                ["littleInterestOrPleasure"] = Item(),
                ["feelingDownDepressedOrHopeless"] = Item(),
                ["feelingNervousAnxiousOrOnEdge"] = Item(),
                ["unableToStopOrControlWorrying"] = Item(),
            };
            int Function() => Math.Clamp((int)Math.Round((backPain / 3.0) + (0.5 * Normal(random))), 0, 3);
            input["backFunction"] = new JsonObject
            {
                ["standingUpFromChair"] = Function(),
                ["walking15Minutes"] = Function(),
                ["puttingOnSocksAndShoes"] = Function(),
                ["lightHouseholdJobs"] = Function(),
            };
        }

        return input;
    }

    /// <summary>The share with new pain at <paramref name="week"/>, interpolated between weeks 1, 4 and 8 (flat before week 1, falling to 0 by week 12).</summary>
    internal static double NewPainShare(double[] atWeeks1And4And8, double week)
    {
        double[] weeks = [1, 4, 8, 12];
        double[] shares = [atWeeks1And4And8[0], atWeeks1And4And8[1], atWeeks1And4And8[2], 0];
        if (week <= weeks[0])
        {
            return shares[0];
        }

        for (var i = 1; i < weeks.Length; i++)
        {
            if (week <= weeks[i])
            {
                return shares[i - 1] + ((shares[i] - shares[i - 1]) * (week - weeks[i - 1]) / (weeks[i] - weeks[i - 1]));
            }
        }

        return 0;
    }

    private static T Pick<T>(Random random, (T Value, double Share)[] shares)
    {
        var draw = random.NextDouble();
        foreach (var (value, share) in shares)
        {
            draw -= share;
            if (draw < 0)
            {
                return value;
            }
        }

        return shares[^1].Value;
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
