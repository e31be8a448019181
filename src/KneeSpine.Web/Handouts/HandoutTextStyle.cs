using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KneeSpine.Web.Handouts;

/// <summary>A text style of the handout: size in points and weight.</summary>
/// <param name="Size">Font size in points.</param>
/// <param name="Bold">Whether the text is bold.</param>
internal sealed record HandoutTextStyle(double Size, bool Bold)
{
    /// <summary>Distance between baselines.</summary>
    public double LineHeight => Math.Round(Size * 1.3, 1);

    /// <summary>
    /// The DejaVu Sans font for this style, Unicode-encoded so that every character of the
    /// clinical texts (dashes, minus signs, symbols) is written and can be copied or read aloud.
    /// </summary>
    public XFont CreateFont() => new(
        DejaVuFontResolver.FamilyName,
        Size,
        Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
        new XPdfFontOptions(PdfFontEncoding.Unicode));
}
