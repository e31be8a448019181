using PdfSharp.Fonts;

namespace KneeSpine.Web.Handouts;

/// <summary>
/// Gives PDFsharp the DejaVu Sans faces from Debian's <c>fonts-dejavu-core</c> package. PDFsharp 6
/// has no access to system fonts on Linux, so without a resolver it cannot draw any text.
/// </summary>
/// <remarks>
/// Every family name resolves to DejaVu Sans (bold when asked for bold): the handout uses one
/// family, and DejaVu covers the Latin, Greek and symbol characters of the clinical texts.
/// Italic is simulated because fonts-dejavu-core ships no oblique face in every release.
/// </remarks>
public sealed class DejaVuFontResolver : IFontResolver
{
    /// <summary>Where Debian installs the DejaVu fonts.</summary>
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    /// <summary>The family name the handout asks for.</summary>
    public const string FamilyName = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private readonly string directory;

    /// <summary>Creates a resolver reading fonts from <paramref name="directory"/>.</summary>
    public DejaVuFontResolver(string directory = DefaultDirectory)
    {
        this.directory = directory;
    }

    /// <summary>Paths of the font files this resolver needs.</summary>
    public IReadOnlyList<string> RequiredFiles => [PathOf(Regular), PathOf(Bold)];

    /// <summary>Fails with a message naming the missing file and the package that provides it.</summary>
    /// <exception cref="FileNotFoundException">A DejaVu font file is missing.</exception>
    public void EnsureFontsExist()
    {
        foreach (var file in RequiredFiles)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException(
                    $"The PDF handout needs the DejaVu Sans font at '{file}'. Install Debian's fonts-dejavu-core package (apt-get install fonts-dejavu-core).",
                    file);
            }
        }
    }

    /// <inheritdoc/>
    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: isItalic);

    /// <inheritdoc/>
    public byte[] GetFont(string faceName)
    {
        var file = PathOf(faceName == Bold ? Bold : Regular);
        EnsureFontsExist();
        return File.ReadAllBytes(file);
    }

    private string PathOf(string face) => Path.Combine(directory, face + ".ttf");
}
