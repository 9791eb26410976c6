using System.CommandLine;
using System.Globalization;
using FedChain.Learning.Benchmarks;
using FedChain.Node.Identity;
using FedChain.Node.Reports;
using FedChain.Node.Rounds;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>`fedchain bench compression`: update blob bytes per round and accuracy per compression method (<see cref="CompressionBenchmark"/>).</summary>
internal static class BenchCompressionCommand
{
    public static Command Build() => HeartBenchOptions.Build("compression",
        "Heart disease with a 10k-parameter MLP: the update blobs' bytes per round (sealed envelopes) and accuracy, uncompressed and with 8-bit, 4-bit, random-k and top-k compression, over the seeds.",
        (folder, sites, seeds, rounds, progress) =>
        {
            // Each member's committed words sealed as the node seals them: the envelope's header and signature included.
            using var key = NodeKey.Generate();
            var planHash = new byte[32];
            int BlobBytes(uint[] words) => BlobEnvelope.Seal(key, EnvelopeKind.Update, planHash, 1, 1, EnvelopeBodies.Update(words)).Length;
            return CompressionBenchmark.Run(folder.Schema, sites, seeds, BlobBytes, rounds, progress);
        },
        (report, output) =>
        {
            HeartBenchOptions.WriteJson<CompressionResult, object>(output, report.Result);
            CompressionPlot.Save(report, Path.Combine(output, "compression.png"));
            Print(report, output);
        });

    private static void Print(CompressionReport report, string folder)
    {
        var inv = CultureInfo.InvariantCulture;
        var plain = report.Result.Uncompressed;
        var table = new Table().AddColumns("method", "bytes per round", "fewer bytes", "accuracy", "points vs uncompressed");
        table.AddRow("uncompressed", plain.BytesPerRound.ToString("F0", inv), "1.0x", plain.Accuracy.ToString("F3", inv), "");
        foreach (var (name, m) in report.Result.Methods)
        {
            table.AddRow(name, m.BytesPerRound.ToString("F0", inv), (plain.BytesPerRound / m.BytesPerRound).ToString("F1", inv) + "x",
                m.Accuracy.ToString("F3", inv), ((m.Accuracy - plain.Accuracy) * 100).ToString("+0.00;-0.00", inv));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv,
            $"MLP of {report.Parameters} parameters, 4 hospitals' update blobs per round, mean per-site test accuracy over seeds {string.Join(",", report.Seeds)}; wrote {folder}")));
    }
}
