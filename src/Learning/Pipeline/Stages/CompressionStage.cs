using FedChain.Learning.Compression;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Pipeline.Stages;

/// <summary>
/// Compression of the fixed-point update (<see cref="CompressionSettings"/>) into the words a member
/// commits. Per-member codes (8/4-bit scales, top-k indices) no longer add up coordinate by
/// coordinate, which masking needs; random-k's shared coordinates do.
/// </summary>
public sealed record CompressionStage(CompressionSettings Settings)
    : RoundStage(System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(Settings.Method.ToString()), RoundHook.Compression)
{
    public override RoundView Hides => Settings.Additive ? RoundView.None : RoundView.AdditiveCommits;

    public override string? Refusal(TrainingPlan plan)
    {
        if (plan.Server.Rule == Aggregation.ServerRuleKind.TreeGrowth) return "tree growth needs every histogram bin whole: a lossy histogram would grow other splits";
        try
        {
            Settings.Validate();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
