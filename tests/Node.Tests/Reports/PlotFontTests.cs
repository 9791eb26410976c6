using FedChain.Node.Tests.Cli;
using FedChain.Node.Tests.EndToEnd;
using FedChain.TestSupport;
using SkiaSharp;

namespace FedChain.Node.Tests.Reports;

/// <summary>
/// Plots keep their text on a machine with no fonts: `fedchain simulate` runs in a child process under
/// `unshare -m` with an empty tmpfs over /usr/share/fonts, and its rounds.png must still have a title.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PlotFontTests
{
    [Fact]
    public async Task Simulate_WithEveryFontHidden_StillDrawsTheTitle()
    {
        using var dir = new TempDirectory();
        var fedchain = Path.Combine(Path.GetDirectoryName(typeof(Demo.FedChainExecutable).Assembly.Location)!, "fedchain.dll");
        var script = $"mount -t tmpfs none /usr/share/fonts && ls -A /usr/share/fonts | wc -l && exec dotnet '{fedchain}' simulate --dataset heart-disease --data '{HeartConsortium.Folder}' --rounds 1 --out '{dir.Path}'";

        var run = await ProcessRun.RunAsync("unshare", ["-m", "sh", "-c", script], timeout: TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0, $"unshare -m (needs root) or simulate failed: {run.StdErr}{run.StdOut}");
        Assert.Equal("0", run.StdOut.Split('\n')[0].Trim());
        // Measured: 1,249 dark pixels with the embedded font; 0 before it, when the title was not drawn.
        var dark = DarkPixelsAboveThePlot(dir.File("rounds.png"));
        Assert.True(dark > 300, $"only {dark} dark pixels in the title band of rounds.png: the title did not render");
    }

    /// <summary>
    /// Dark pixels in the middle half of the top 22 rows, where the title sits: with no font the plot's
    /// frame starts lower (about row 25) and nothing is drawn there.
    /// </summary>
    internal static int DarkPixelsAboveThePlot(string png)
    {
        using var image = SKBitmap.Decode(png);
        var dark = 0;
        for (var y = 0; y < 22; y++)
        {
            for (var x = image.Width / 4; x < image.Width * 3 / 4; x++)
            {
                var c = image.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 300) dark++;
            }
        }

        return dark;
    }
}
