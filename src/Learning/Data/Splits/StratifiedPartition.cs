namespace FedChain.Learning.Data.Splits;

/// <summary>
/// Seeded partition of row indices into a first part of size floor(fraction * n) and the rest,
/// stratified on a class value when every class has more than <c>minPerClass</c> rows (FLamby's
/// rule for heart disease: sklearn's train_test_split, stratified unless a class is tiny).
/// </summary>
public static class StratifiedPartition
{
    public static (int[] First, int[] Second) Split(float[] classes, double fraction, Random random, bool stratify, int minPerClass)
    {
        var n = classes.Length;
        var firstSize = (int)Math.Floor(fraction * n);
        var groups = classes.Select((c, i) => (c, i)).GroupBy(x => x.c).OrderBy(g => g.Key).Select(g => g.Select(x => x.i).ToArray()).ToList();
        if (!stratify || groups.Count < 2 || groups.Any(g => g.Length <= minPerClass)) groups = [[.. Enumerable.Range(0, n)]];

        // Largest-remainder allocation of the first part across classes, so sizes add up exactly.
        var quotas = groups.Select(g => (double)firstSize * g.Length / n).ToArray();
        var take = quotas.Select(q => (int)Math.Floor(q)).ToArray();
        var order = Enumerable.Range(0, groups.Count).OrderByDescending(g => quotas[g] - take[g]).ThenBy(g => g).ToArray();
        for (var k = 0; k < firstSize - take.Sum(); k++) take[order[k % order.Length]]++;

        var first = new List<int>();
        var second = new List<int>();
        for (var g = 0; g < groups.Count; g++)
        {
            var rows = groups[g];
            random.Shuffle(rows);
            first.AddRange(rows.Take(take[g]));
            second.AddRange(rows.Skip(take[g]));
        }

        first.Sort();
        second.Sort();
        return ([.. first], [.. second]);
    }
}
