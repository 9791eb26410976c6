using FedChain.Learning.Plans;
using FedChain.Node.Agent;
using FedChain.Node.Network;

namespace FedChain.Node.Plans;

/// <summary>
/// Plan documents a node offers to the network as blobs whose id is the plan hash: those its config
/// lists, and those dropped into state/offered-plans/ (where `fedchain gov propose start-plan` puts
/// the plan it proposes), training and analysis plans alike. The node publishes new ones as it runs.
/// </summary>
public sealed class OfferedPlans(NodeConfig config)
{
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);

    public static string Folder(NodeConfig config) => Path.Combine(config.Resolve(config.StateDirectory), "offered-plans");

    /// <summary>Leaves <paramref name="plan"/> where its node publishes it (at once if it runs, else when it starts).</summary>
    public static string Offer(NodeConfig config, TrainingPlan plan)
    {
        var folder = Folder(config);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, plan.Hash + ".json");
        var temp = file + ".tmp";
        File.WriteAllBytes(temp, plan.CanonicalBytes());
        File.Move(temp, file, overwrite: true);
        return file;
    }

    /// <summary>Publishes every offered document not published yet; returns those published now.</summary>
    public async Task<IReadOnlyList<(string File, string PlanHash)>> PublishNewAsync(NetworkNode network, CancellationToken ct)
    {
        var files = config.PublishPlans.Select(config.Resolve).ToList();
        if (Directory.Exists(Folder(config))) files.AddRange(Directory.EnumerateFiles(Folder(config), "*.json").Order(StringComparer.Ordinal));
        var published = new List<(string, string)>();
        foreach (var file in files.Where(f => !_published.Contains(f)))
        {
            var bytes = await File.ReadAllBytesAsync(file, ct);
            var hash = HashOfCanonical(bytes, file);
            await network.PublishBlobAsync(bytes, ct);
            _published.Add(file);
            published.Add((file, hash));
        }

        return published;
    }

    /// <summary>The plan hash of a training or analysis plan document, checked to be in canonical form so that its blob id is that hash.</summary>
    private static string HashOfCanonical(byte[] bytes, string file)
    {
        if (Analyses.AnalysisDocument.IsAnalysisPlan(bytes)) return Analyses.AnalysisDocument.ParseCanonical(bytes, file).Hash;
        var plan = TrainingPlan.Parse(System.Text.Encoding.UTF8.GetString(bytes), file);
        if (!bytes.AsSpan().SequenceEqual(plan.CanonicalBytes()))
            throw new InvalidDataException($"{file} is not in canonical form, so its hash would not be the plan hash {plan.Hash}; write it with `fedchain plan init` (or TrainingPlan.CanonicalBytes)");
        return plan.Hash;
    }
}
