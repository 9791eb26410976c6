using FedChain.Learning.Contribution;
using FedChain.Node.Rounds;

namespace FedChain.Node.Contributions;

/// <summary>
/// The members a round scores: the members whose update blobs the round accepted
/// (<see cref="CommitmentCheck"/>), ordered by lower-case address. Ordering by address rather than
/// by commit order keeps the member list the same from round to round, so consecutive rounds can be
/// recorded in one <c>recordScores</c> batch (which takes one member list).
/// </summary>
/// <param name="Members">Lower-case 0x addresses and committed sample counts; bit i of a subset is member i.</param>
/// <param name="Updates">The same members' fixed-point updates, in the same order.</param>
public sealed record RoundRoster(IReadOnlyList<RosterMember> Members, IReadOnlyList<MemberUpdate> Updates)
{
    public static RoundRoster Of(IReadOnlyList<AcceptedBlob> accepted, int updateLength)
    {
        var ordered = accepted.OrderBy(a => a.Member.ToLowerHex(), StringComparer.Ordinal).ToList();
        return new(
            [.. ordered.Select(a => new RosterMember(a.Member.ToLowerHex(), (long)a.Envelope.SampleCount))],
            [.. ordered.Select(a => new MemberUpdate(EnvelopeBodies.ReadUpdate(a.Envelope.Body, updateLength), (long)a.Envelope.SampleCount))]);
    }

    public IReadOnlyList<string> Addresses => [.. Members.Select(m => m.Member)];
}
