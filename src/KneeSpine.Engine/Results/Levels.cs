namespace KneeSpine.Engine.Results;

/// <summary>Triage and alert levels, ordered from least to most serious so that comparison means severity.</summary>
public enum TriageLevel
{
    /** <summary><c>self-care</c>: no warning signs; follow the plan.</summary> */ SelfCare,
    /** <summary><c>soon</c>: book a review within two weeks.</summary> */ Soon,
    /** <summary><c>urgent</c>: contact the care team today.</summary> */ Urgent,
    /** <summary><c>emergency</c>: emergency care now.</summary> */ Emergency,
}

/// <summary>How probable a contributing factor is (<c>likely</c> or <c>possible</c>).</summary>
public enum Certainty { /** <summary><c>possible</c></summary> */ Possible, /** <summary><c>likely</c></summary> */ Likely }

/// <summary>Severity band of the back pain now: 0 none, 1-3 mild, 4-6 moderate, 7-10 severe.</summary>
public enum PainSeverity { /** <summary>0</summary> */ None, /** <summary>1-3</summary> */ Mild, /** <summary>4-6</summary> */ Moderate, /** <summary>7-10</summary> */ Severe }
