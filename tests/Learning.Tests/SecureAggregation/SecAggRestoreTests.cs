using FedChain.Learning.SecureAggregation;
using FedChain.Learning.SecureAggregation.Messages;
using static FedChain.Learning.Tests.SecureAggregation.SecAggTestRounds;

namespace FedChain.Learning.Tests.SecureAggregation;

/// <summary>A member restored from its exported state (what a restarted node reads back) goes on where it was.</summary>
public sealed class SecAggRestoreTests
{
    private const int Length = 64;
    private static readonly SecAggParameters Round = Parameters(members: 3, threshold: 2, Length);

    [Fact]
    public void Restore_AfterSharing_MasksAndUnmasksToThePlainSum()
    {
        var (members, u1, shares) = Shared();
        var restored = SecAggMember.Restore(Round, members[3].Export());
        members[3].Dispose();
        members[3] = restored;
        var inputs = Inputs([1, 2, 3], Length, seed: 5);

        var masked = members.Values.Select(m => m.MaskInput(inputs[m.Slot], [1, 2, 3], Addressed(shares, m.Slot))).ToList();
        var answers = members.Values.Select(m => m.Unmask([1, 2, 3])).ToList();

        Assert.Equal(PlainSum(inputs.Values, Length), SecureSum.Compute(Round, u1, [1, 2, 3], masked, answers));
    }

    [Fact]
    public void Rejoin_AfterMasking_GivesTheSameAnswerAsBeforeTheRestart()
    {
        var (members, _, shares) = Shared();
        var state = members[2].Export();
        members[2].MaskInput(new uint[Length], [1, 2, 3], Addressed(shares, 2));
        var before = members[2].Unmask([1, 2]);

        using var restored = SecAggMember.Restore(Round, state);
        restored.Rejoin([1, 2, 3], Addressed(shares, 2));
        var after = restored.Unmask([1, 2]);

        Assert.Equal(SecAggCodec.Encode(before), SecAggCodec.Encode(after));
    }

    [Fact]
    public void Restore_AfterAnswering_RefusesAnotherU3()
    {
        var (members, _, shares) = Shared();
        members[1].MaskInput(new uint[Length], [1, 2, 3], Addressed(shares, 1));
        members[1].Unmask([1, 2, 3]);

        using var restored = SecAggMember.Restore(Round, members[1].Export());
        restored.Rejoin([1, 2, 3], Addressed(shares, 1));

        // Answering {1, 2} too would hand out slot 3's mask key after its self-mask seed: its input in the clear.
        var error = Assert.Throws<SecureAggregationException>(() => restored.Unmask([1, 2]));
        Assert.Contains("already answered", error.Message);
    }

    private static (Dictionary<int, SecAggMember> Members, List<KeyAdvertisement> U1, List<EncryptedShare> Shares) Shared()
    {
        var members = Enumerable.Range(1, 3).ToDictionary(s => s, s => new SecAggMember(Round, s));
        var u1 = members.Values.Select(m => m.AdvertiseKeys()).ToList();
        var shares = members.Values.SelectMany(m => m.ShareKeys(u1)).ToList();
        return (members, u1, shares);
    }

    private static List<EncryptedShare> Addressed(IEnumerable<EncryptedShare> shares, int to) => [.. shares.Where(s => s.To == to)];
}
