namespace FedChain.Node.ShardedAggregation;

internal sealed partial class ShardedRun
{
    /// <summary>The claim's sum if it passes its challenge, else null. A member silent past the answer timeout
    /// has its term computed from its committed shard blob instead, so a dropout cannot stall the check.</summary>
    private async Task<ShardSum?> CheckAsync(ShardClaim claim)
    {
        var shard = claim.Body.Shard;
        if (!claim.Body.Participants.AsSpan().SequenceEqual(_participantsHash))
        {
            Name(claim.Origin, claim, FindingKind.WrongParticipants, "its claim does not cover exactly the participants");
            _claimed[claim.MessageId] = null;
            return null;
        }

        ShardSum claimed;
        try
        {
            claimed = ShardSum.Decode((await BlobAsync(claim.Body.Aggregate, $"the sum of shard {shard} claimed by {claim.Origin}", [claim.Origin])).Span, _layout.SizeOf(shard));
        }
        catch (InvalidDataException e)
        {
            Name(claim.Origin, claim, FindingKind.MalformedSum, $"its shard sum blob is malformed: {e.Message}");
            _claimed[claim.MessageId] = null;
            return null;
        }

        _claimed[claim.MessageId] = claimed;
        var challenge = ChallengeFor(claim);
        var deadline = _owner.Time.GetUtcNow() + _owner.Options.AnswerTimeout;
        var others = _members.Where(m => m != _me).ToList();
        var answered = _session.AllAnsweredAsync(claim.MessageId, others);
        // Woken by the last answer, or at a tick to see whether the members still silent have gone.
        while (!answered.IsCompleted && _owner.Time.GetUtcNow() < deadline && _session.Unanswered(claim.MessageId, others).Any(_owner.Node.IsConnected))
        {
            await Task.WhenAny(answered, Tick());
            _ct.ThrowIfCancellationRequested();
        }

        var expected = 0UL;
        foreach (var member in _members)
        {
            var answer = member == _me ? OwnAnswer(claim)
                : _session.AnswerOf(claim.MessageId, member) ?? challenge.Answer(await ShardOfAsync(member, shard));
            expected = SumChallenge.AddMod(expected, answer);
        }

        return challenge.Evaluate(claimed) == expected ? claimed : null;
    }
}
