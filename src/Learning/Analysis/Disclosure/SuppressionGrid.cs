using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Disclosure;

/// <summary>
/// Primary and complementary suppression of counts that are linked by totals (Hundepool et al.,
/// Statistical Disclosure Control, 2012, section 4.2): a count of 1..k-1 is withheld, and wherever a
/// released total links a set of cells, a set with exactly one withheld cell gets a second one (the
/// smallest positive count left), so no withheld count is the difference of released ones. This
/// guards each total on its own, not every combination of them.
/// </summary>
public sealed class SuppressionGrid
{
    private readonly List<double> _values = [];
    private readonly List<bool> _public = [];
    private readonly List<string?> _rules = [];
    private readonly List<int[]> _relations = [];

    /// <summary>Adds a count cell; returns its index.</summary>
    /// <param name="publicByLaw">Counts the schema declares public: never suppressed.</param>
    public int Add(double count, bool publicByLaw = false)
    {
        _values.Add(count);
        _public.Add(publicByLaw);
        _rules.Add(null);
        return _values.Count - 1;
    }

    /// <summary>Declares that these cells are tied by one equation (parts and their released total, say).</summary>
    public void Relate(IEnumerable<int> cells) => _relations.Add([.. cells]);

    /// <summary>Applies the rules for <paramref name="k"/>; returns each cell as released.</summary>
    public IReadOnlyList<TableCell> Release(int k)
    {
        for (var i = 0; i < _values.Count; i++)
        {
            if (!_public[i] && _values[i] > 0 && _values[i] < k) _rules[i] = DisclosureRules.MinCellCount;
        }

        for (var changed = k > 1; changed;)
        {
            changed = false;
            foreach (var relation in _relations)
            {
                if (relation.Count(i => _rules[i] is not null) != 1) continue;
                var partner = relation.Where(i => _rules[i] is null && !_public[i] && _values[i] > 0).OrderBy(i => _values[i]).ThenBy(i => i).FirstOrDefault(-1);
                if (partner < 0) continue;
                _rules[partner] = DisclosureRules.Complementary;
                changed = true;
            }
        }

        return [.. _values.Select((v, i) => _rules[i] is { } rule ? TableCell.Withheld(rule) : new TableCell(v))];
    }
}
