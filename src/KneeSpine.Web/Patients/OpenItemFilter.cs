namespace KneeSpine.Web.Patients;

/// <summary>The patient list's <c>openItem</c> filter: patients with an open worklist item at least this severe, or none.</summary>
public enum OpenItemFilter
{
    /// <summary><c>any</c>: any open item.</summary>
    Any,

    Emergency,

    /// <summary><c>urgent</c>: urgent or emergency.</summary>
    Urgent,

    /// <summary><c>soon</c>: any open item (soon is the lowest level that opens one).</summary>
    Soon,

    /// <summary><c>none</c>: no open item.</summary>
    None,
}
