namespace KneeSpine.Web.Reports;

/// <summary>Age at surgery, in the bands registries report knee replacement in.</summary>
public enum AgeBand
{
    Under55,
    From55To64,
    From65To74,
    From75To84,
    From85,
}
