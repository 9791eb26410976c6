namespace FedChain.Learning.Contribution;

/// <summary>Leave-one-out: U(all) - U(all but i). n + 1 subset models instead of 2^n, but two members that bring the same thing both score near zero.</summary>
public static class LeaveOneOut
{
    public static long[] Compute(CoalitionUtilities utilities, int members)
    {
        var all = Coalition.All(members);
        var full = utilities[all];
        return [.. Enumerable.Range(0, members).Select(i => full - utilities[all.Without(i)])];
    }
}
