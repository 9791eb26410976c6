using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Json;

namespace FedChain.Learning.Analysis.Plans;

/// <summary>
/// A federated analysis the consortium approves like a training plan: a canonical JSON document
/// whose SHA-256 (<see cref="Hash"/>) goes on-chain. It fixes the schema, the disclosure rules, the
/// analyses and their step bounds, so every member runs the same rounds and reaches the same results.
/// </summary>
/// <param name="FormatVersion">Bumped when the meaning of a field changes.</param>
/// <param name="Disclosure">k and the model-size rule.</param>
/// <param name="Analyses">The analyses, run side by side: round r carries step r of every analysis not yet finished.</param>
/// <param name="Schema">The consortium schema, embedded so the plan is self-contained; a plan file may leave it out for
/// <c>fedchain analyse</c> to fill from the dataset folder (the written plan.json then has it).</param>
/// <param name="SecureAggregation">Pooled blocks go through secure aggregation: no member sees one site's pooled statistics.</param>
/// <param name="MaxRows">Bound on the rows of all sites together; fixed-point scales are set so sums of this many rows cannot wrap.</param>
/// <param name="Seed">Seeds the simulated DP noise of <c>fedchain analyse</c> (nodes draw theirs from a secret).</param>
public sealed record AnalysisPlan(
    int FormatVersion,
    DisclosureSettings Disclosure,
    IReadOnlyList<AnalysisSpec> Analyses,
    DatasetSchema? Schema = null,
    bool SecureAggregation = false,
    long MaxRows = 1 << 20,
    long Seed = 0,
    string? Description = null)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>Reads and checks a plan file; errors name the file and the field.</summary>
    public static AnalysisPlan Load(string path)
    {
        if (!File.Exists(path)) throw new AnalysisPlanException($"analysis plan '{path}' does not exist");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses a plan (its schema may still be missing; <see cref="Validate"/> once it is there).</summary>
    public static AnalysisPlan Parse(string json, string source)
    {
        try
        {
            var plan = JsonSerializer.Deserialize<AnalysisPlan>(json, CanonicalJson.Options) ?? throw new AnalysisPlanException($"analysis plan '{source}' is empty");
            return plan.Schema is null ? plan : plan.Validate();
        }
        catch (JsonException e)
        {
            throw new AnalysisPlanException($"analysis plan '{source}': {e.Message}", e);
        }
        catch (AnalysisPlanException e)
        {
            throw new AnalysisPlanException($"analysis plan '{source}': {e.Message}", e);
        }
    }

    public byte[] CanonicalBytes() => CanonicalJson.ToBytes(this);

    /// <summary>SHA-256 of <see cref="CanonicalBytes"/>, lower-case hex.</summary>
    [JsonIgnore]
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes()));

    /// <summary>The plan with <paramref name="schema"/> filled in, checked.</summary>
    public AnalysisPlan WithSchema(DatasetSchema schema)
    {
        if (Schema is not null && Schema.Hash != schema.Hash) throw new AnalysisPlanException($"the plan's schema {Schema.Hash[..12]} is not the dataset's {schema.Hash[..12]}");
        return (this with { Schema = schema }).Validate();
    }

    /// <summary>Throws naming the field when the plan cannot run.</summary>
    public AnalysisPlan Validate()
    {
        if (FormatVersion != CurrentFormatVersion) throw new AnalysisPlanException($"formatVersion {FormatVersion} is not supported (expected {CurrentFormatVersion})");
        if (Schema is null) throw new AnalysisPlanException("the plan has no schema");
        if (Analyses.Count == 0) throw new AnalysisPlanException("'analyses' is empty");
        if (MaxRows is < 1 or > 1L << 40) throw new AnalysisPlanException($"maxRows must be in 1..2^40, got {MaxRows}");
        Disclosure.Validate();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var analysis in Analyses)
        {
            if (string.IsNullOrWhiteSpace(analysis.Name)) throw new AnalysisPlanException("an analysis has no name");
            if (!names.Add(analysis.Name)) throw new AnalysisPlanException($"analysis name '{analysis.Name}' is used twice");
            if (analysis.MinCellCount is < 1) throw new AnalysisPlanException($"analysis '{analysis.Name}': minCellCount must be at least 1");
            analysis.Validate(this);
        }

        return this;
    }

    /// <summary>
    /// The plan's DP releases (histogram, cross-tab and missingness with <c>dp</c>): each analysis takes one
    /// step, so all of them are in the plan's first round. Under sequential composition (Dwork and Roth
    /// 2014, theorem 3.16) a site spends the sum of their epsilons and deltas on its data.
    /// </summary>
    public IReadOnlyList<(string Analysis, DpRelease Release)> DpReleases() => [.. Analyses.Select(a => (a.Name, a switch
    {
        HistogramSpec h => h.Dp,
        CrossTabSpec c => c.Dp,
        MissingnessSpec m => m.Dp,
        _ => null,
    })).Where(a => a.Item2 is not null).Select(a => (a.Name, a.Item2!))];

    /// <summary>The most rounds the plan can take for <paramref name="sites"/>: what the chain schedules (the run may finish earlier).</summary>
    public int MaxRounds(IReadOnlyList<string> sites) => Analyses.Max(a => a.Create(new AnalysisContext(this, sites)).MaxSteps);
}
