namespace FedChain.Learning.Models;

/// <summary>
/// The endemic-epidemic mean of hhh4 (Held, Höhle &amp; Hofmann 2005; Meyer &amp; Held 2014) on top of
/// a neural model: the network gives per row a log endemic rate nu and one log epidemic rate
/// lambda_k per named input, and the mean is mu = exp(nu) + sum_k exp(lambda_k) y_k, where
/// y_k = exp(x_k) - 1 is last week's count that input holds as log(1 + y). The mean stays linear
/// in last week's counts, as epidemic spread is, while the rates may depend on everything the row
/// holds (season, population, recent history). The inputs must reach the model unscaled.
/// </summary>
/// <param name="Inputs">Feature indices holding log(1 + count) of the previous week (own, neighbours, ...).</param>
public sealed record EpidemicHead(IReadOnlyList<int> Inputs)
{
    public void Validate(int features)
    {
        if (Inputs is not { Count: > 0 }) throw new ArgumentException("model epidemic inputs must name at least one feature");
        if (Inputs.Any(i => i < 0 || i >= features)) throw new ArgumentException($"model epidemic inputs must lie in [0, {features}), got {string.Join(", ", Inputs)}");
    }
}
