namespace KneeSpine.Engine.Input;

/// <summary>What kind of value an input field holds, as declared by assessment-input.schema.json.</summary>
public enum FieldKind
{
    /** <summary>JSON <c>true</c> or <c>false</c>.</summary> */ Boolean,
    /** <summary>A JSON whole number (schema type <c>integer</c>).</summary> */ Integer,
    /** <summary>A JSON number that may have a fraction (schema type <c>number</c>).</summary> */ Decimal,
    /** <summary>A calendar date string, <c>YYYY-MM-DD</c>.</summary> */ Date,
    /** <summary>One code of <see cref="InputField.Codes"/>.</summary> */ Choice,
    /** <summary>A list of distinct codes of <see cref="InputField.Codes"/>.</summary> */ ChoiceList,
}
