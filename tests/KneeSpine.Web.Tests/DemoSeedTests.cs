using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests;

public abstract class DemoSeedTests(TestDatabaseKind kind)
{
    private static readonly Dictionary<string, string?> Demo = new() { ["KneeSpine:Demo"] = "true" };

    [Fact]
    public async Task Demo_seeds_fictional_patients_with_follow_ups_at_every_triage_level_once()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        (int Patients, int Assessments) first;
        await using (var app = TestApp.Start(database, Demo))
        {
            first = await CountAsync(app);
            var patients = await app.WithServiceAsync<KneeSpineDbContext, List<string>>(db => db.Patients.Select(p => p.Name).ToListAsync(TestContext.Current.CancellationToken));
            Assert.True(patients.Count >= 3);
            Assert.All(patients, name => Assert.StartsWith("Demo Patient ", name, StringComparison.Ordinal));
            var perPatient = await app.WithServiceAsync<KneeSpineDbContext, List<int>>(db =>
                db.Patients.Select(p => db.Assessments.Count(a => a.PatientId == p.Id)).ToListAsync(TestContext.Current.CancellationToken));
            Assert.All(perPatient, count => Assert.True(count >= 2));
            var levels = await app.WithServiceAsync<KneeSpineDbContext, List<Engine.Results.TriageLevel>>(db =>
                db.Assessments.Select(a => a.Triage).Distinct().ToListAsync(TestContext.Current.CancellationToken));
            Assert.Equal(Enum.GetValues<Engine.Results.TriageLevel>().Length, levels.Count);
        }

        await using var restarted = TestApp.Start(database, Demo);

        Assert.Equal(first, await CountAsync(restarted));
    }

    private static Task<(int, int)> CountAsync(TestApp app) =>
        app.WithServiceAsync<KneeSpineDbContext, (int, int)>(async db =>
            (await db.Patients.CountAsync(p => p.IsDemo, TestContext.Current.CancellationToken),
             await db.Assessments.CountAsync(TestContext.Current.CancellationToken)));
}

public sealed class DemoSeedOnSqlite() : DemoSeedTests(TestDatabaseKind.Sqlite);

public sealed class DemoSeedOnPostgres() : DemoSeedTests(TestDatabaseKind.Postgres);
