namespace FedChain.Node.Demo;

/// <summary>What `fedchain demo` runs.</summary>
/// <param name="Out">Report, plan, node folders and logs go here.</param>
/// <param name="Rounds">Training rounds (the chain schedules one more: round 0 exchanges moments).</param>
/// <param name="CommitWindowSeconds">How long a round waits for commits before it closes with whoever committed.</param>
/// <param name="DataFolder">data/heart-disease (schema.json, sites.json and the four files).</param>
public sealed record DemoOptions(string Out, int Rounds, uint CommitWindowSeconds, long Seed, string DataFolder)
{
    public DemoOptions Validate()
    {
        if (Rounds is < 1 or > 1000) throw new ArgumentException($"--rounds must be 1..1000, got {Rounds}");
        if (CommitWindowSeconds is < 5 or > 86_400) throw new ArgumentException($"--commit-window must be 5..86400 seconds, got {CommitWindowSeconds}");
        return this;
    }
}
