using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Web.Charts;
using KneeSpine.Web.Handouts;

namespace KneeSpine.Web.Tests.Handouts;

internal static class HandoutSamples
{
    private static readonly DateOnly Surgery = new(2026, 3, 2);

    /// <summary>The two lists of the current knowledge base, for a patient with no conditions.</summary>
    public static IReadOnlyList<HandoutSignList> WarningSigns => HandoutSigns.For(null);

    public static Handout Emergency() => new(
        "Margaret Example",
        Surgery.AddDays(3),
        3,
        TriageLevel.Emergency,
        "Call emergency services or go to the emergency department now.",
        WarningSigns,
        [new HandoutPlanItem("Emergency care", "Go to the emergency department now. Tell them you had a knee replacement with a spinal anaesthetic and take blood thinners.")],
        [Point(3, 8, 6)],
        [new Citation(1, "BASS and SBNS 2018", "British Association of Spine Surgeons, Society of British Neurological Surgeons. Standards of care for suspected cauda equina syndrome. 2018.", null)]);

    /// <summary>A self-care plan of items of about 35 words, with citations of about 130 characters.</summary>
    public static Handout SelfCare(int planItems = 9, int sources = 12) => new(
        "Arthur Example",
        Surgery.AddDays(41),
        41,
        TriageLevel.SelfCare,
        "No warning signs: follow the plan and mention the back pain at your next follow-up visit.",
        WarningSigns,
        [.. Enumerable.Range(1, planItems).Select(i => new HandoutPlanItem(
            $"Plan step {i}",
            "Warmth on the lower back, such as a heat wrap or warm pack, for short periods can ease the pain. " +
            "Never put heat on the knee wound and never use it while asleep. Keep moving gently every day."))],
        [Point(3, 7, 8), Point(14, 5, 6), Point(28, 5, 4), Point(41, 2, 3)],
        [.. Enumerable.Range(1, sources).Select(i => new Citation(i, $"Author et al. 2020", $"Source {i}: Author A, Author B et al. A long citation title about low back pain after knee replacement. Journal 2020;{i}:1-10.", null))]);

    private static PainPoint Point(int day, int back, int knee) =>
        new(Surgery.AddDays(day), day, new PainScore(back), new PainScore(knee));
}
