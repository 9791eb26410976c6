namespace FedChain.Learning.Analysis.Engine;

/// <summary>What every site sends in one step of one analysis: its blocks of statistics, in order.</summary>
public sealed record StepRequest(IReadOnlyList<StatisticBlock> Blocks)
{
    public StepRequest(params StatisticBlock[] blocks) : this((IReadOnlyList<StatisticBlock>)blocks)
    {
    }

    /// <summary>Slots the step takes in the summed vector.</summary>
    public int Width(int sites) => Blocks.Sum(b => b.Width(sites));
}
