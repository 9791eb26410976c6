using FedChain.Learning.Plans;

namespace FedChain.Learning.Contribution;

/// <summary>
/// The subsets whose models every member evaluates in a round: a function of the plan and the
/// roster size alone (and, for sampled Shapley, the seed and round), so it is fixed before anyone
/// evaluates and a report can be checked against it. Ascending by mask, no repeats; the empty set
/// (the previous global model) and the full set (the new one) are always in it.
/// </summary>
public static class CoalitionSchedule
{
    public static IReadOnlyList<Coalition> For(ContributionSettings settings, long planSeed, int round, int members)
    {
        var all = Coalition.All(members);
        var set = new SortedSet<Coalition> { Coalition.Empty, all };
        switch (settings.Method)
        {
            case ContributionMethod.ExactShapley:
                if (members > ContributionSettings.MaxExactMembers)
                    throw new ArgumentException($"exact Shapley scores at most {ContributionSettings.MaxExactMembers} members, the round has {members}; use sampled-shapley");
                for (var mask = 0UL; mask <= all.Mask; mask++) set.Add(new Coalition(mask));
                break;
            case ContributionMethod.SampledShapley:
                // Every prefix of every permutation: non-adaptive, since truncation can only be decided
                // once the combined utilities exist (docs/contribution.md, "Sampled Shapley").
                foreach (var order in SampledPermutations.For(planSeed, round, members, settings.Permutations))
                {
                    var prefix = Coalition.Empty;
                    foreach (var member in order) set.Add(prefix = prefix.With(member));
                }

                break;
            case ContributionMethod.LeaveOneOut:
                for (var i = 0; i < members; i++) set.Add(all.Without(i));
                break;
            case ContributionMethod.SampleShare:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Method, "unknown contribution method");
        }

        return [.. set];
    }
}
