using FedChain.Learning.Aggregation;
using FedChain.Learning.Plans;
using FedChain.Learning.Training;

namespace FedChain.Learning.Pipeline.Stages;

/// <summary>Fixed-point quantisation with the seed derived from (plan, round, site): what every member commits.</summary>
public sealed record QuantisationStage() : RoundStage("fixed-point", RoundHook.Quantisation)
{
    public uint[] Encode(TrainingPlan plan, ClientUpdate update, int round, string site, out int clipped) =>
        RoundAggregation.Quantise(plan, update, round, site, out clipped);
}
