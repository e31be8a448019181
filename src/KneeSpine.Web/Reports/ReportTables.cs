namespace KneeSpine.Web.Reports;

/// <summary>The ids of the report's tables: URLs (<c>/reports/{id}.csv</c>), CLI JSON keys and page anchors.</summary>
public static class ReportTables
{
    public const string Headline = "headline";
    public const string FollowUp = "follow-up";
    public const string TriageByWeek = "triage-by-week";
    public const string Alerts = "alerts";
    public const string Factors = "factors";
    public const string PainCourse = "back-pain-course";
    public const string PersistentPain = "persistent-back-pain";
    public const string Phq2 = "phq-2";
    public const string Gad2 = "gad-2";
    public const string BackFunction = "back-function";

    /// <summary>Weeks since surgery the course and triage mix are shown for (0 to 26); later assessments are counted in "27 or later".</summary>
    public const int LastWeek = 26;
}
