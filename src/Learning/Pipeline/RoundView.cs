namespace FedChain.Learning.Pipeline;

/// <summary>What the stages of a round can see of the members' updates.</summary>
[Flags]
public enum RoundView
{
    None = 0,

    /// <summary>The round's sum of committed updates (after unmasking under secure aggregation).</summary>
    Sum = 1,

    /// <summary>Each member's own update, as committed.</summary>
    IndividualUpdates = 2,

    /// <summary>Commits that add up coordinate by coordinate to the round's sum (one fixed-point scale, the same coordinates): what masking needs.</summary>
    AdditiveCommits = 4,
}
