namespace FedChain.Learning.Data.Mapping;

/// <summary>
/// A composite survival endpoint from separately recorded events, listed in priority order: the
/// time is that of the first component whose event is 1, or the last component's time when none
/// is (censoring); the event is 1 when any component's is. Rotterdam's recurrence-free survival is
/// [relapse (rtime, recur), death (dtime, death)]: relapse time if relapsed, else death or
/// censoring time; event = relapse OR death (the survival package's documented definition).
/// </summary>
/// <param name="Time">The schema's time column.</param>
/// <param name="Event">The schema's event column.</param>
/// <param name="Components">The recorded events, in priority order.</param>
/// <param name="Unit">The unit of the components' times; default: the schema time column's unit.</param>
public sealed record CompositeEndpoint(string Time, string Event, IReadOnlyList<EndpointComponent> Components, string? Unit = null) : DerivedColumn
{
    internal override string? OutputUnit(string column) => column == Time ? Unit : null;

    public override IReadOnlyList<string> Outputs => [Time, Event];

    public override IReadOnlyList<string> Inputs => [.. Components.SelectMany(c => new[] { c.Time, c.Event })];

    public override string Explain() =>
        $"composite endpoint of {string.Join(", then ", Components.Select(c => $"({c.Time}, {c.Event})"))}: first observed event's time, else the last time; event if any";

    internal override void Derive(ExportRow row, Span<MappedCell> outputs)
    {
        MappedCell? time = null;
        foreach (var component in Components)
        {
            var evt = row.Number(component.Event);
            if (evt.Kind != CellKind.Number) { outputs[0] = evt; outputs[1] = evt; return; }
            if (evt.Number is not (0 or 1)) { outputs[0] = outputs[1] = MappedCell.Invalid(Ingestion.IssueKind.OutOfRange); return; }
            if (evt.Number == 1 && time is null) time = row.Number(component.Time);
        }

        var observed = time is not null;
        outputs[0] = time ?? row.Number(Components[^1].Time);
        outputs[1] = MappedCell.OfNumber(observed ? 1 : 0);
    }

    internal override void Check(Action<string> fail)
    {
        if (Components.Count == 0) fail("'components' is empty");
    }
}
