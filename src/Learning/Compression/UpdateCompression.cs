using FedChain.Learning.Plans;
using FedChain.Learning.Randomness;

namespace FedChain.Learning.Compression;

/// <summary>
/// A plan's compression of fixed-point updates: what a member commits (the words), and how every node
/// expands committed words (or, under secure aggregation, their unmasked sum) back to the fixed-point
/// update the server stages use. With error feedback the member carries what was dropped into its next
/// round (<see cref="Training.ClientState.Residual"/>), so nothing is lost for good, only delayed.
/// </summary>
public static class UpdateCompression
{
    /// <param name="quantised">The member's fixed-point update this round.</param>
    /// <param name="residual">What compression dropped in its earlier rounds (null: nothing yet); with error feedback it is added first.</param>
    /// <returns>The words to commit, and the residual to carry (null without error feedback).</returns>
    public static (uint[] Words, long[]? Residual) Compress(TrainingPlan plan, uint[] quantised, long[]? residual, int round, string site)
    {
        var settings = plan.Compression ?? throw new InvalidOperationException("the plan does not compress updates");
        var bound = plan.Quantisation.IntegerBound;
        var carried = new long[quantised.Length];
        var values = new int[quantised.Length];
        for (var i = 0; i < quantised.Length; i++)
        {
            carried[i] = unchecked((int)quantised[i]) + (settings.ErrorFeedback && residual is not null ? residual[i] : 0);
            values[i] = (int)Math.Clamp(carried[i], -bound, bound);
        }

        var words = settings.Method switch
        {
            CompressionMethod.Int8 or CompressionMethod.Int4 => StochasticCodes.Encode(settings, values, bound, DerivedSeed.Random(plan.Seed, "compress", round, site)),
            CompressionMethod.RandomK => RandomKCodec.Encode(values, RandomKCodec.Coordinates(quantised.Length, settings.Kept(quantised.Length), plan.Seed, round)),
            _ => TopKCodec.Encode(values, settings.Kept(quantised.Length)),
        };
        if (!settings.ErrorFeedback) return (words, null);

        var sent = Expand(plan, words, round);
        for (var i = 0; i < carried.Length; i++) carried[i] -= unchecked((int)sent[i]);
        return (words, carried);
    }

    /// <summary>The fixed-point update (or sum, for random-k) that <paramref name="words"/> stand for; the words themselves without compression.</summary>
    /// <exception cref="InvalidDataException">The words are not something the plan's compression writes.</exception>
    public static uint[] Expand(TrainingPlan plan, uint[] words, int round)
    {
        var length = plan.UpdateLength;
        if (words.Length != plan.WireLength) throw new InvalidDataException($"a committed update of {words.Length} words does not fit the plan's {plan.WireLength}");
        if (plan.Compression is not { } settings) return words;
        return settings.Method switch
        {
            CompressionMethod.Int8 or CompressionMethod.Int4 => [.. StochasticCodes.Decode(settings, words, length, plan.Quantisation.IntegerBound).Select(v => unchecked((uint)v))],
            CompressionMethod.RandomK => RandomKCodec.Expand(words, length, RandomKCodec.Coordinates(length, settings.Kept(length), plan.Seed, round)),
            _ => TopKCodec.Expand(words, length, settings.Kept(length)),
        };
    }
}
