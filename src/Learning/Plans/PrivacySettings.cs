using FedChain.Learning.Privacy.Accounting;

namespace FedChain.Learning.Plans;

/// <summary>
/// DP-SGD for every member of the plan (docs/privacy.md). Each member trains with DP-SGD (Abadi et
/// al. 2016) under its own budget of (<see cref="TargetEpsilon"/>, <see cref="Delta"/>) for the whole
/// plan; the noise multiplier is derived per member from the planned number of steps with the RDP
/// accountant, unless the plan gives it. A plan without this section trains without DP.
/// </summary>
/// <param name="TargetEpsilon">Each member's epsilon budget for the whole plan, every round together.</param>
/// <param name="Delta">The delta at which epsilon is measured; below 1 / (each member's declared count).</param>
/// <param name="ClipNorm">C: each record's gradient is clipped to this L2 norm.</param>
/// <param name="DeclaredCounts">Each member's declared record count: the update weight, the committed count, and N in q = b / N.</param>
/// <param name="ExpectedBatchSize">b: the expected Poisson batch; each member samples at q = b / its declared count. Give this or <paramref name="SampleRate"/>.</param>
/// <param name="SampleRate">q for every member. Give this or <paramref name="ExpectedBatchSize"/>.</param>
/// <param name="NoiseMultiplier">sigma for every member; null derives each member's from its budget and planned steps.</param>
/// <param name="Conversion">How RDP becomes (epsilon, delta); the default is the tighter rule of Balle et al. 2020.</param>
public sealed record PrivacySettings(
    double TargetEpsilon,
    double Delta,
    double ClipNorm,
    IReadOnlyList<DeclaredCount> DeclaredCounts,
    double? ExpectedBatchSize = null,
    double? SampleRate = null,
    double? NoiseMultiplier = null,
    EpsilonConversion Conversion = EpsilonConversion.Improved)
{
    /// <summary>The member's declared count; throws naming the member when the plan has none for it.</summary>
    public long DeclaredRecordsOf(string member) =>
        DeclaredCounts.FirstOrDefault(d => d.Member == member)?.Records
        ?? throw new ArgumentException($"plan privacy: member '{member}' has no declared count (declared: {string.Join(", ", DeclaredCounts.Select(d => d.Member))})");

    /// <summary>The same settings with these members' counts declared (for example the train-row counts a simulation sees).</summary>
    public PrivacySettings Declaring(IEnumerable<(string Member, long Records)> counts) =>
        this with { DeclaredCounts = [.. counts.Select(c => new DeclaredCount(c.Member, c.Records))] };

    /// <summary>
    /// Throws naming the field or member when the plan cannot train under these settings: a model
    /// DP-SGD refuses (the Cox model), a value out of range, a member whose budget cannot be met.
    /// </summary>
    public void Validate(TrainingPlan plan)
    {
        MemberDpSgd.LossFor(plan);
        ValidateFields();
        foreach (var declared in DeclaredCounts) MemberDpSgd.For(plan, declared.Member);
    }

    private void ValidateFields()
    {
        if (!(TargetEpsilon > 0) || !double.IsFinite(TargetEpsilon)) throw new ArgumentException($"plan privacy targetEpsilon must be a positive number, got {TargetEpsilon}");
        if (!(Delta is > 0 and < 1)) throw new ArgumentException($"plan privacy delta must lie in (0, 1), got {Delta}");
        if (!(ClipNorm > 0) || !double.IsFinite(ClipNorm)) throw new ArgumentException($"plan privacy clipNorm must be a positive number, got {ClipNorm}");
        if ((ExpectedBatchSize is null) == (SampleRate is null)) throw new ArgumentException("plan privacy needs exactly one of expectedBatchSize and sampleRate");
        if (ExpectedBatchSize is { } b && (!(b > 0) || !double.IsFinite(b))) throw new ArgumentException($"plan privacy expectedBatchSize must be a positive number, got {b}");
        if (SampleRate is { } q && !(q is > 0 and <= 1)) throw new ArgumentException($"plan privacy sampleRate must lie in (0, 1], got {q}");
        if (NoiseMultiplier is { } s && (!(s > 0) || !double.IsFinite(s))) throw new ArgumentException($"plan privacy noiseMultiplier must be a positive number, got {s}");
        if (DeclaredCounts is not { Count: > 0 }) throw new ArgumentException("plan privacy declaredCounts must name every member");
        foreach (var (declared, index) in DeclaredCounts.Select((d, i) => (d, i)))
        {
            var where = $"plan privacy declaredCounts[{index}]";
            if (string.IsNullOrWhiteSpace(declared.Member)) throw new ArgumentException($"{where}: member name is empty");
            if (DeclaredCounts.Take(index).Any(d => d.Member == declared.Member)) throw new ArgumentException($"{where}: member '{declared.Member}' is declared twice");
            if (declared.Records < 1) throw new ArgumentException($"{where}: member '{declared.Member}' declares {declared.Records} records; at least 1");
            if (ExpectedBatchSize > declared.Records)
                throw new ArgumentException($"{where}: expectedBatchSize {ExpectedBatchSize} exceeds member '{declared.Member}''s {declared.Records} records (q would pass 1)");
            // delta >= 1/N admits mechanisms that publish a whole record at random (Dwork and Roth 2014, §2.3).
            if (Delta * declared.Records >= 1)
                throw new ArgumentException($"{where}: delta {Delta} is not below 1 / {declared.Records} (member '{declared.Member}'), so it would allow releasing a whole record");
        }
    }
}
