using ScottPlot;
using SkiaSharp;

namespace FedChain.Node.Reports;

/// <summary>
/// Plots carry their own font, so titles, axes and legends render on a machine with no fonts
/// installed (a bare Debian has none; SkiaSharp's no-dependency build then draws no text at all).
/// DejaVu Sans, regular and bold, is embedded with its licence (Reports/Fonts/LICENSE.txt) and
/// answers every font request, so a plot looks the same on every machine.
/// </summary>
public static class PlotFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> Regular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Load("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<bool> Registered = new(Register);

    /// <summary>A new plot whose text uses the embedded font.</summary>
    public static Plot NewPlot()
    {
        _ = Registered.Value;
        return new Plot();
    }

    private static bool Register()
    {
        Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
        Fonts.Default = Family;
        return true;
    }

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(PlotFonts).Assembly.GetManifestResourceStream($"FedChain.Node.Reports.Fonts.{file}")
            ?? throw new InvalidOperationException($"the embedded font {file} is missing from the assembly");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"the embedded font {file} does not load");
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            weight >= FontWeight.SemiBold ? Bold.Value : Regular.Value;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => bold ? Bold.Value : Regular.Value;
    }
}
