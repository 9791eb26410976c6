namespace FedChain.Learning.Simulation;

/// <summary>A site whose local training takes <paramref name="Factor"/> times as long as the others' (for example 10).</summary>
public sealed record SlowSite(string Site, double Factor)
{
    public SlowSite Validate()
    {
        if (!(Factor >= 1) || !double.IsFinite(Factor)) throw new ArgumentException($"slow site '{Site}': the slowdown must be a number >= 1, got {Factor}");
        return this;
    }
}
