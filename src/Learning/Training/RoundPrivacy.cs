namespace FedChain.Learning.Training;

/// <summary>
/// What one member's DP-SGD spent in one round: what the node records on-chain. Every figure follows
/// from public plan values and the round count, so an auditor can recompute it
/// (<see cref="Plans.MemberDpSgd"/>).
/// </summary>
/// <param name="EpsilonSpent">The member's epsilon over every round so far, this one included, at <paramref name="Delta"/>.</param>
/// <param name="EpsilonThisRound">How much this round raised <paramref name="EpsilonSpent"/> (RDP composes, so rounds' epsilons do not add, but these increments do).</param>
/// <param name="Delta">The delta of every epsilon here.</param>
/// <param name="EpsilonBudget">The member's budget for the whole plan.</param>
/// <param name="Steps">DP-SGD steps taken this round.</param>
/// <param name="SampleRate">q of each step.</param>
/// <param name="NoiseMultiplier">sigma of each step.</param>
public sealed record RoundPrivacy(
    double EpsilonSpent,
    double EpsilonThisRound,
    double Delta,
    double EpsilonBudget,
    long Steps,
    double SampleRate,
    double NoiseMultiplier);
