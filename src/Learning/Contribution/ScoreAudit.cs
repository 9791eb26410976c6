using System.Globalization;

namespace FedChain.Learning.Contribution;

/// <summary>
/// The auditor's comparison: a round as recorded (roster and scores) against
/// the same round recomputed with <see cref="RoundScoring.Score"/> from the signed reports. Every
/// difference is reported, each naming the round and the member.
/// </summary>
public static class ScoreAudit
{
    public static IReadOnlyList<ScoreDiscrepancy> Compare(
        RoundScores recomputed, IReadOnlyList<string> recordedMembers, IReadOnlyList<long> recordedScores)
    {
        var round = recomputed.Round;
        if (recordedScores.Count != recordedMembers.Count)
            throw new ArgumentException($"round {round}: recorded {recordedMembers.Count} members and {recordedScores.Count} scores");
        var found = new List<ScoreDiscrepancy>();
        var count = Math.Max(recordedMembers.Count, recomputed.Members.Count);
        for (var i = 0; i < count; i++)
        {
            var recorded = i < recordedMembers.Count ? recordedMembers[i] : "(none)";
            var expected = i < recomputed.Members.Count ? recomputed.Members[i] : "(none)";
            if (!string.Equals(recorded, expected, StringComparison.Ordinal))
            {
                found.Add(new ScoreDiscrepancy(round, i, recorded, "member", recorded, expected));
                continue;
            }

            if (recordedScores[i] != recomputed.Scores[i]) found.Add(new ScoreDiscrepancy(round, i, recorded, "score", Text(recordedScores[i]), Text(recomputed.Scores[i])));
        }

        return found;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
