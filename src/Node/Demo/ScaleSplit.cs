using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Randomness;

namespace FedChain.Node.Demo;

/// <summary>
/// The N-way split of `fedchain bench scale`: the heart-disease rows of the four hospitals pooled, shuffled
/// with a seed and dealt in turn to N sites, each written as its own file in the same format (for this scale
/// run only: real institutions keep their own rows).
/// </summary>
internal static class ScaleSplit
{
    public static IReadOnlyList<SiteSource> Write(IReadOnlyList<SiteSource> hospitals, int sites, long seed, string folder)
    {
        Directory.CreateDirectory(folder);
        var rows = hospitals.SelectMany(h => File.ReadLines(h.File).Where(l => l.Length > 0)).ToArray();
        if (rows.Length < sites * 8) throw new ArgumentException($"{rows.Length} rows cannot be split into {sites} sites of at least 8 rows");
        DerivedSeed.Random(seed, "scale-split").Shuffle(rows);
        var split = new List<SiteSource>();
        for (var i = 0; i < sites; i++)
        {
            var file = Path.Combine(folder, $"site-{i + 1:00}.data");
            File.WriteAllLines(file, rows.Where((_, k) => k % sites == i));
            split.Add(new SiteSource($"site-{i + 1:00}", file, null, hospitals[0].Mapping));
        }

        return split;
    }
}
