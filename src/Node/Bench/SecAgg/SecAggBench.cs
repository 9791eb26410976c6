using System.Security.Cryptography;
using FedChain.Learning.SecureAggregation;
using FedChain.Learning.SecureAggregation.Crypto;

namespace FedChain.Node.Bench.SecAgg;

/// <summary>
/// Runs whole secure-aggregation rounds in one process, one member after another on one core, and
/// reports each member's compute time and bytes sent per step, the time to unmask the sum, and the
/// raw mask-generation rate (AES-256-CTR into uint32 masks).
/// </summary>
internal static class SecAggBench
{
    public static SecAggBenchResult Run(int members, double megabytes, int? threshold, int? neighbours, IProgress<string> progress)
    {
        var length = (int)Math.Round(megabytes * 1024 * 1024 / sizeof(uint));
        var parameters = new SecAggParameters
        {
            RoundId = SHA256.HashData("fedchain bench secagg"u8),
            MemberCount = members,
            Threshold = threshold ?? DefaultThreshold(members, neighbours),
            VectorLength = length,
            Neighbours = neighbours,
        }.Validate();

        progress.Report("warming up");
        RunRound(parameters with { VectorLength = 4096 }, 0);
        progress.Report("mask generation rate");
        var rate = MaskGenerationRate(length);
        var scenarios = new List<SecAggScenarioResult>();
        foreach (var dropouts in new[] { 0, parameters.ShareHolders - parameters.Threshold }.Distinct())
        {
            progress.Report($"round with {dropouts} dropout(s)");
            scenarios.Add(RunRound(parameters, dropouts));
        }
        return new SecAggBenchResult(members, megabytes, length, parameters.Threshold, neighbours, rate, LoadAverage(), scenarios);
    }

    // The smallest majority of each member's share holders (SecAggParameters.Threshold).
    private static int DefaultThreshold(int members, int? neighbours)
    {
        var holders = neighbours is { } k && k < members - 1 ? k + 1 : members;
        return holders / 2 + 1;
    }

    private static SecAggScenarioResult RunRound(SecAggParameters parameters, int dropouts)
    {
        using var round = new LocalSecAggRound(parameters);
        round.AdvertiseKeys();
        round.ShareKeys();
        var random = new Random(parameters.MemberCount * 1000 + dropouts);
        var length = parameters.VectorLength!.Value;
        var inputs = Enumerable.Range(1, parameters.MemberCount - dropouts).ToDictionary(
            slot => slot, _ => Enumerable.Range(0, length).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray());
        round.MaskInputs(inputs);
        round.Unmask();
        var sum = round.Sum();

        var plain = new uint[length];
        foreach (var input in inputs.Values) RingVectors.Add<uint>(plain, input);

        var steps = round.Costs.Where(c => c.Slot != 0).GroupBy(c => c.Step).Select(g => new SecAggStepFigure(
            g.Key, g.Average(c => c.Elapsed.TotalMilliseconds), g.Max(c => c.Elapsed.TotalMilliseconds), g.Average(c => (double)c.BytesSent))).ToArray();
        return new SecAggScenarioResult(
            dropouts,
            steps,
            steps.Sum(s => s.MeanMilliseconds),
            steps.Sum(s => s.MeanBytes),
            round.Costs.Single(c => c.Step == "unmask-sum").Elapsed.TotalMilliseconds,
            sum.AsSpan().SequenceEqual(plain));
    }

    // The machine's 1-minute load average: figures taken on a busy machine read slower than they are.
    private static double? LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) && double.TryParse(File.ReadAllText(path).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : null;
    }

    // Best of several passes over 64 MiB of masks, on this thread alone: GB (1e9 bytes) per second.
    private static double MaskGenerationRate(int length)
    {
        var buffer = new uint[Math.Max(length, 16 * 1024 * 1024)];
        var seed = RandomNumberGenerator.GetBytes(32);
        var best = double.MaxValue;
        for (var pass = 0; pass < 5; pass++)
        {
            var start = TimeProvider.System.GetTimestamp();
            MaskStream.Fill(seed, buffer);
            best = Math.Min(best, TimeProvider.System.GetElapsedTime(start).TotalSeconds);
        }
        return buffer.Length * (double)sizeof(uint) / best / 1e9;
    }
}
